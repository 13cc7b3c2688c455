// The screen's Dutch wording for the API's English codes: roles, reasons,
// validation errors, audit actions.

export const ROLE_NAMES = {
  reviewer: 'beoordelaar', senior: 'senior beoordelaar', archivist: 'archivaris',
  auditor: 'auditor', admin: 'beheerder',
};

export const FIELD_NAMES = {
  bsn: 'BSN', iban: 'IBAN', kvk_nummer: 'KvK-nummer', btw_nummer: 'Btw-nummer',
  email: 'E-mailadres',
};

export function humanField(name, labels) {
  if (labels && labels[name]) return labels[name];
  if (FIELD_NAMES[name]) return FIELD_NAMES[name];
  const s = String(name).replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// A field's name on screen. The rules' `labels` are what to look for on the
// paper ("Met vriendelijke groet" finds the sender's name), not names for the
// field, so the field's own name is shown unless the API gives a `title`.
export function fieldLabel(f) {
  return f.title || humanField(f.name);
}

export const REASON_KINDS = {
  invalid: 'Ongeldige waarde',
  missing: 'Ontbrekend veld',
  low_confidence: 'Onzeker gelezen',
  check_failed: 'Controle klopt niet',
  unknown_doctype: 'Documenttype onbekend',
  unreadable: 'Onleesbaar',
  sampled: 'Steekproef',
  archive_failed: 'Archiveren mislukt',
  failed: 'Verwerking mislukt',
};

// "invalid:bsn" → "BSN ongeldig"; a bare kind ("invalid") names the group.
export function reasonText(reason, labels) {
  const r = String(reason);
  const i = r.indexOf(':');
  if (i < 0) return REASON_KINDS[r] ?? r;
  const kind = r.slice(0, i);
  const name = r.slice(i + 1);
  const label = humanField(name, labels);
  switch (kind) {
    case 'invalid': return `${label} ongeldig`;
    case 'missing': return `${label} ontbreekt`;
    case 'low_confidence': return `${label} onzeker gelezen`;
    case 'check_failed': return `Controle ${label.charAt(0).toLowerCase()}${label.slice(1)} klopt niet`;
    default: return `${REASON_KINDS[kind] ?? kind}: ${label}`;
  }
}

// The same, inside the field's own card: the label is already there.
export function fieldReasonText(reason, labels) {
  const kind = String(reason).split(':')[0];
  const short = { invalid: 'ongeldig', missing: 'ontbreekt', low_confidence: 'onzeker gelezen' }[kind];
  return short ?? reasonText(reason, labels);
}

export function reasonClass(reason) {
  const kind = String(reason).split(':')[0];
  return `chip reason-${kind.replace(/[^a-z_]/g, '')}`;
}

export const ERROR_TEXT = {
  empty: 'leeg',
  missing: 'niet gevonden',
  impossible_date: 'deze datum bestaat niet',
  not_a_date: 'geen datum',
  future_date: 'ligt in de toekomst',
  invalid_characters: 'ongeldige tekens',
  invalid_format: 'onjuiste vorm',
  invalid_length: 'onjuiste lengte',
  unknown_country: 'onbekende landcode',
  out_of_range: 'buiten het toegestane bereik',
  multiple_ticked: 'meer dan één vakje aangekruist',
  required: 'verplicht veld',
};

export function errorText(code, type) {
  if (code === 'invalid_checksum' || code === '11-proef') {
    if (type === 'bsn') return 'voldoet niet aan de 11-proef';
    if (type === 'iban') return 'controlegetal klopt niet';
    return 'controlegetal klopt niet';
  }
  return ERROR_TEXT[code] ?? String(code).replace(/_/g, ' ');
}

export const AUDIT_ACTIONS = {
  login: 'ingelogd', login_failed: 'inloggen mislukt', logout: 'uitgelogd',
  list_cases: 'wachtrij bekeken', view_case: 'zaak bekeken', view_page: 'pagina bekeken',
  reveal: 'waarde getoond', claim: 'zaak opgepakt', release: 'zaak vrijgegeven',
  correct: 'veld gewijzigd', set_doctype: 'type gewijzigd',
  approve_first: 'eerste goedkeuring', approve: 'goedgekeurd', reject: 'afgewezen',
  export: 'geëxporteerd', read_audit: 'auditlog gelezen', csrf_refused: 'verzoek zonder CSRF-token',
  user_add: 'gebruiker toegevoegd', user_disable: 'gebruiker uitgeschakeld',
};

export const AUDIT_RESULTS = {
  ok: 'ok', denied: 'geweigerd', conflict: 'conflict', invalid: 'ongeldig',
  not_found: 'niet gevonden', failed: 'mislukt',
};

export function stateText(s) {
  return { approved: 'goedgekeurd', rejected: 'afgewezen', awaiting_second: 'in afwachting van een tweede beoordeling' }[s] ?? s;
}
