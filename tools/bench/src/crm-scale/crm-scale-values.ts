// The value lists the CRM scale generator draws from: names with accents from several countries,
// company words, e-mail domains, phone number plans, and the catalog keys and stages a real
// installation holds. Each text comes with the form the engine stores in its search column
// (lower case, no diacritics: apps/engine/src/crm/records/record-keys.ts), so the generated
// search_text, email_keys and phone_keys are the ones the engine's own writes would produce.

/** A list of display values and, at the same index, their searchable form. */
export interface Dictionary {
  display: string[];
  searchable: string[];
}

/** Lower case without diacritics, spaces collapsed: the engine's `searchable` (record-keys.ts). */
export function searchableText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The letters of a name an e-mail address can carry: "Zoë Ñúñez-Díaz" -> "zoenunezdiaz". */
export function emailLocalPart(name: string): string {
  return searchableText(name).replace(/[^a-z0-9]/g, '');
}

export function dictionary(values: readonly string[]): Dictionary {
  return { display: [...values], searchable: values.map(searchableText) };
}

export const FIRST_NAMES = dictionary([
  'José',
  'María',
  'Zoë',
  'Émile',
  'Łukasz',
  'Søren',
  'Jürgen',
  'Björn',
  'Ana',
  'Renée',
  'François',
  'Inês',
  'João',
  'Agnieszka',
  'Małgorzata',
  'Dörte',
  'Anaïs',
  'Chloé',
  'Hélène',
  'Nuño',
  'Íñigo',
  'Ángela',
  'Paweł',
  'Jiří',
  'Tomáš',
  'Åsa',
  'Mikaël',
  'Noémie',
  'Lucía',
  'Sérgio',
  'Anna',
  'Peter',
  'Laura',
  'Thomas',
  'Sofia',
  'Marco',
  'Giulia',
  'Lukas',
  'Emma',
  'Oliver',
  'Charlotte',
  'James',
  'Olivia',
  'Hannah',
  'David',
  'Sarah',
  'Michael',
  'Julia',
  'Daniel',
  'Lena',
  'Niklas',
  'Mia',
  'Pablo',
  'Carmen',
  'Ines',
  'Mateo',
  'Zofia',
  'Kasper',
  'Ingrid',
  'Matthias',
]);

export const LAST_NAMES = dictionary([
  'García',
  'Müller',
  'Núñez',
  'Łęcki',
  'Sørensen',
  'Dubois',
  'Lefèvre',
  'Gonçalves',
  'Kowalski',
  'Nowak',
  'Wiśniewski',
  'Schröder',
  'Größer',
  'Öztürk',
  'Martínez',
  'Fernández',
  'López',
  'Rodríguez',
  'Pérez',
  'Jiménez',
  'Dvořák',
  'Novák',
  'Åberg',
  'Lindqvist',
  'Fässler',
  'Bäcker',
  'Moreau',
  'Girard',
  'Bérenger',
  'Château',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Wilson',
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Bianchi',
  'Romano',
  'Jansen',
  'de Vries',
  'van Dijk',
  'Bakker',
  'Visser',
  'Hansen',
  'Nielsen',
  'Larsen',
  'Olsen',
  'Kovač',
  'Horvat',
  'Silva',
  'Santos',
  'Oliveira',
  'Costa',
  'Pereira',
  'Ortega',
  'Castillo',
  'Herrera',
  'Medina',
  "O'Brien",
  'Murphy',
  'Kelly',
  'Walsh',
  'Byrne',
]);

/** First words of company names: family names and invented brands. */
export const COMPANY_WORDS = dictionary([
  'Müller',
  'García',
  'Nordlicht',
  'Sørensen',
  'Lefèvre',
  'Kowalski',
  'Acme',
  'Blue Harbor',
  'Côte',
  'Alpen',
  'Iberia',
  'Helvetia',
  'Baltic',
  'Atlántico',
  'Łódź',
  'Praha',
  'Danubio',
  'Rhein',
  'Loire',
  'Tejo',
  'Vistula',
  'Fjord',
  'Nova',
  'Zenit',
  'Orion',
  'Vega',
  'Polaris',
  'Meridian',
  'Horizon',
  'Summit',
  'Crest',
  'Pioneer',
  'Granite',
  'Cedar',
  'Maple',
  'Olivo',
  'Encina',
  'Eiche',
  'Chêne',
  'Dąb',
  'Sonnen',
  'Sol',
  'Étoile',
  'Stern',
  'Gwiazda',
  'Brücke',
  'Puente',
  'Pont',
  'Most',
  'Hafen',
]);

export const COMPANY_KINDS = dictionary([
  'Logistik',
  'Logística',
  'Transports',
  'Software',
  'Systems',
  'Bau',
  'Construcciones',
  'Énergie',
  'Energía',
  'Handel',
  'Comercio',
  'Médical',
  'Pharma',
  'Foods',
  'Alimentación',
  'Maschinenbau',
  'Textil',
  'Imprimerie',
  'Consulting',
  'Beratung',
  'Asesoría',
  'Finanz',
  'Seguros',
  'Versicherung',
  'Retail',
  'Möbel',
  'Muebles',
  'Automotive',
  'Elektro',
  'Digital',
]);

export const LEGAL_FORMS = dictionary(['GmbH', 'AG', 'S.L.', 'S.A.', 'SARL', 'SAS', 'Sp. z o.o.', 'Ltd', 'B.V.', 'A/S', 's.r.o.', 'Lda.', 'Inc.', 'KG']);

export const EMAIL_DOMAINS = [
  'example.de',
  'example.es',
  'example.fr',
  'example.pl',
  'example.co.uk',
  'example.com',
  'example.cz',
  'example.dk',
  'example.pt',
  'example.nl',
];

/**
 * Phone plans: numbers are written `prefix + digits` (international format with a space after the
 * prefix, as people type them), and their key is `keyPrefix + digits` — what libphonenumber-js
 * makes of them (E.164); crm-scale-values.spec.ts checks that with the engine's own phoneKey.
 */
export interface PhonePlan {
  country: string;
  prefix: string;
  keyPrefix: string;
  digits: number;
}

export const PHONE_PLANS: readonly PhonePlan[] = [
  { country: 'DE', prefix: '+49 30 ', keyPrefix: '+4930', digits: 8 },
  { country: 'DE', prefix: '+49 151 ', keyPrefix: '+49151', digits: 8 },
  { country: 'ES', prefix: '+34 6', keyPrefix: '+346', digits: 8 },
  { country: 'ES', prefix: '+34 91 ', keyPrefix: '+3491', digits: 7 },
  { country: 'FR', prefix: '+33 6 ', keyPrefix: '+336', digits: 8 },
  { country: 'FR', prefix: '+33 1 ', keyPrefix: '+331', digits: 8 },
  { country: 'PL', prefix: '+48 22 ', keyPrefix: '+4822', digits: 7 },
  { country: 'PL', prefix: '+48 6', keyPrefix: '+486', digits: 8 },
  { country: 'GB', prefix: '+44 20 ', keyPrefix: '+4420', digits: 8 },
  { country: 'US', prefix: '+1 212 ', keyPrefix: '+1212', digits: 7 },
  { country: 'CZ', prefix: '+420 6', keyPrefix: '+4206', digits: 8 },
  { country: 'DK', prefix: '+45 3', keyPrefix: '+453', digits: 7 },
];

/** Territories the territory rule sets would place records in (docs/crm.md, "Territories"). */
export const TERRITORIES = ['DE-North', 'DE-South', 'ES-Centre', 'ES-East', 'FR-Paris', 'FR-South', 'PL', 'UK', 'US-East', 'CZ', 'Nordics', 'Benelux'];

/** Stages of the opportunities' process, open ones first; `Won` and `Lost` carry an outcome. */
export const OPEN_STAGES = ['Identification', 'Qualification', 'Offer', 'Negotiation'];
export const CLOSED_STAGES = [
  { stage: 'Won', outcome: 'won' },
  { stage: 'Lost', outcome: 'lost' },
];

/** Catalog keys of a new installation (crm-records migration: the label, lower case, dashes). */
export const CATALOG_KEYS = {
  industries: ['manufacturing', 'retail', 'software', 'finance', 'healthcare', 'construction', 'logistics', 'public-sector', 'education', 'other'],
  relationTypes: ['prospect', 'customer', 'partner', 'former-customer', 'supplier'],
  organizationCategories: ['enterprise', 'mid-market', 'small-business'],
  contactCategories: ['decision-maker', 'influencer', 'user', 'private-person'],
  requestTypes: ['product-information', 'demo', 'quote', 'support', 'partnership'],
  leadChannels: ['web-form', 'call', 'e-mail', 'manual', 'import', 'campaign', 'chat', 'social-network'],
  lostReasons: ['price', 'competitor', 'no-budget', 'no-decision', 'timing', 'requirements-not-met', 'other'],
};

export const PRODUCTS = ['Fleet tracking', 'CRM seats', 'Support plan', 'Onboarding', 'Hardware bundle', 'Analytics add-on', 'Training'];
export const CURRENCIES = ['EUR', 'EUR', 'EUR', 'PLN', 'GBP', 'USD', 'CZK', 'DKK'];
export const ACTIVITY_SUBJECTS = dictionary([
  'Llamada de seguimiento',
  'Follow-up call',
  'Démo produit',
  'Kick-off meeting',
  'Angebot besprechen',
  'Envoi de la proposition',
  'Spotkanie z zarządem',
  'Vertragsprüfung',
  'Reunión técnica',
  'Check budget',
  'Präsentation',
  'Négociation du prix',
  'Send references',
  'Onboarding planen',
]);
