// Word lists the demo's names are drawn from (invented people and companies).
export const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Elif',
  'Felix',
  'Greta',
  'Hannes',
  'Ida',
  'Jonas',
  'Katrin',
  'Lukas',
  'Mia',
  'Noah',
  'Olga',
  'Paul',
  'Quirin',
  'Rosa',
  'Stefan',
  'Tara',
  'Uwe',
  'Vera',
  'Wim',
  'Xenia',
  'Yusuf',
  'Zoe',
] as const;

export const LAST_NAMES = [
  'Auer',
  'Becker',
  'Conrad',
  'Dietrich',
  'Engel',
  'Fischer',
  'Graf',
  'Huber',
  'Imhof',
  'Jung',
  'Keller',
  'Lang',
  'Maier',
  'Neumann',
  'Ott',
  'Peters',
  'Roth',
  'Schmid',
  'Thaler',
  'Vogel',
  'Wagner',
  'Zimmer',
] as const;

export const COMPANY_WORDS = [
  'Alpen',
  'Blau',
  'Cargo',
  'Delta',
  'Elbe',
  'Falken',
  'Gipfel',
  'Hafen',
  'Isar',
  'Jura',
  'Kessel',
  'Linden',
  'Main',
  'Nord',
  'Oder',
  'Pilatus',
  'Quelle',
  'Rhein',
  'Sonnen',
  'Tauern',
  'Ufer',
  'Viadukt',
  'Weser',
  'Zugspitz',
] as const;

export const COMPANY_KINDS = ['Logistik', 'Handel', 'Bau', 'Werke', 'Systeme', 'Transporte', 'Lager', 'Technik', 'Versand'] as const;

export const LEGAL_FORMS: Readonly<Record<string, string>> = { DE: 'GmbH', AT: 'GmbH', CH: 'AG' };

export const CITIES: Readonly<Record<string, readonly string[]>> = {
  DE: ['Hamburg', 'Bremen', 'Hannover', 'Berlin', 'Kiel', 'Leipzig'],
  AT: ['Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck'],
  CH: ['Zürich', 'Basel', 'Bern', 'Luzern'],
};

export const INDUSTRIES = ['manufacturing', 'retail', 'logistics', 'construction', 'software', 'healthcare'] as const;

/** What the leads ask for, and the deals are about. */
export const NEEDS = [
  'Fleet tracking for {n} vans',
  'Warehouse scanners for {n} pickers',
  'Route planning for {n} drivers',
  'Cold-chain sensors for {n} trucks',
  'Yard management for {n} docks',
  'Proof of delivery for {n} couriers',
] as const;

export const LOST_REASONS = ['price', 'competitor', 'no-budget', 'no-decision', 'timing', 'requirements-not-met'] as const;

export const WIN_REASONS = ['price', 'product-fit', 'relationship', 'service', 'speed'] as const;

export const COMPETITORS = ['TrackCo', 'Fleetwise', 'ScanPro', 'RouteOne'] as const;
