/** Glossar: the public glossary and its proposal form for everybody; owners and organisers keep the glossary. */
import type { Row } from './table';

export const rows: Row[] = [];

/** Written in the next commit of the glossary; until then a named debt. */
export const pending = ['/app/glossar', '/app/glossar/neu', '/app/glossar/[id]', '/app/glossar/vorschlaege', '/o/[slug]/glossar', '/o/[slug]/glossar/[entry]'];
