// `crm_catalog_values`: the editable catalogs (industries, relation types, lead channels, lost
// reasons, …) — a value per (catalog, key); a retired value stays on the records that use it but
// cannot be chosen again.
export interface CatalogValueRow {
  catalog: string;
  key: string;
  label: string;
  position: number;
  retired: boolean;
}

export interface CatalogValueView {
  key: string;
  label: string;
  position: number;
  retired: boolean;
}

export function toCatalogValueView(row: CatalogValueRow): CatalogValueView {
  return { key: row.key, label: row.label, position: row.position, retired: row.retired };
}
