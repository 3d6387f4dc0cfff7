// `crm_opportunity_products`: the products a deal sells, each line with its quantity, the unit
// price agreed (the catalog price unless another was given) and its currency.
export interface OpportunityProductRow {
  id: string;
  opportunity_id: string;
  product_id: string;
  /** numeric, read as float8. */
  quantity: number;
  unit_price: number;
  currency: string;
  created_at: Date;
  product_name: string;
  product_code: string;
}

export interface OpportunityProductView {
  id: string;
  productId: string;
  productName: string;
  productCode: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  /** quantity × unitPrice, rounded to cents. */
  amount: number;
  createdAt: string;
}

export interface OpportunityProductList {
  items: OpportunityProductView[];
  /** The sum of the lines' amounts per currency. */
  totals: { currency: string; amount: number }[];
}

/** An opportunity's lines with their totals per currency (the API's list, and `record.productLines` for its process). */
export function productListOf(rows: readonly OpportunityProductRow[]): OpportunityProductList {
  const items = rows.map(toOpportunityProductView);
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.currency, amountOf(1, (totals.get(item.currency) ?? 0) + item.amount));
  return { items, totals: [...totals].map(([currency, amount]) => ({ currency, amount })) };
}

export function amountOf(quantity: number, unitPrice: number): number {
  return Math.round(quantity * unitPrice * 100) / 100;
}

export function toOpportunityProductView(row: OpportunityProductRow): OpportunityProductView {
  return {
    id: row.id,
    productId: row.product_id,
    productName: row.product_name,
    productCode: row.product_code,
    quantity: row.quantity,
    unitPrice: row.unit_price,
    currency: row.currency,
    amount: amountOf(row.quantity, row.unit_price),
    createdAt: row.created_at.toISOString(),
  };
}
