// `crm_products`: the product catalog with prices (what leads ask about, what opportunities sell).
export interface ProductRow {
  id: string;
  name: string;
  code: string;
  description: string | null;
  /** numeric(20,2), read as float8. */
  unit_price: number;
  currency: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface ProductView {
  id: string;
  name: string;
  code: string;
  description: string | null;
  unitPrice: number;
  currency: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toProductView(row: ProductRow): ProductView {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    description: row.description,
    unitPrice: row.unit_price,
    currency: row.currency,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
