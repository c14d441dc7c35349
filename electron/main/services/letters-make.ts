// Making one referrer letter: which letter applies and why, its wording from the templates in
// force, and — when finalised — the PDF kept exactly as made with a letters row, a chronology
// line and an audit entry, all in one transaction.
import { randomUUID } from 'node:crypto';
import type { LetterRecord, LetterPreview } from '../../../shared/domain/letters';
import type { ReferralRecord } from '../../../shared/domain/records';
import { letterFactsFor } from '../../../shared/letters/facts';
import { renderLetter, templateKeyFor, TEMPLATE_KEYS } from '../../../shared/letters/templates';
import {
  LETTER_KIND_LABELS,
  type LetterContent,
  type LetterEligibility,
  type LetterKind,
  type TemplateKey,
} from '../../../shared/letters/types';
import { letterEligibility } from '../../../shared/letters/variant';
import { documentFileName } from '../documents/file-name';
import { loadLetterPdf } from '../documents/lazy';
import { appendAudit } from '../store/audit';
import { ValidationError } from '../store/errors';
import type { Db } from '../store/repositories/common';
import {
  finalisedMinutesOf,
  insertLetter,
  latestTemplates,
  lettersOf,
  nextLetterSequence,
} from '../store/repositories/letters';
import { addChronology } from '../store/repositories/referrals';
import { type PolicyContext, type ServiceDeps, todayLondon } from './context';
import { keepDocument } from './documents';
import { letterRecordsOf } from './letters-records';
import {
  escalationsOf,
  familyToldOf,
  letterSteps,
  outcomeHistory,
  type LetterStep,
} from './letters-state';
import { loadReferralOrThrow } from './referrals';

export type LetterSituation = {
  referral: ReferralRecord;
  eligibility: LetterEligibility;
  steps: LetterStep[];
};

function standingDecision(referral: ReferralRecord) {
  return referral.decisions.filter((d) => d.status === 'final').at(-1) ?? null;
}

/** Which letter of this kind the referral's referrer may be sent (shared/letters variant.ts). */
export function eligibilityFor(referral: ReferralRecord, kind: LetterKind): LetterEligibility {
  return letterEligibility({
    referrer: referral.referrer,
    childAddresses: referral.children.map((c) => c.child.address),
    householdMembers: referral.householdMembers.map((m) => ({
      livesInHousehold: m.member.livesInHousehold,
      address: m.member.address,
      allegedHarm: m.member.allegedHarm,
    })),
    kind,
    familyTold: familyToldOf(standingDecision(referral)?.decision.familyInformed),
  });
}

/** Everything the letters of one referral depend on, read in one go. */
export async function letterSituation(
  db: Db,
  pc: PolicyContext,
  deps: ServiceDeps,
  referralId: string,
  kind: LetterKind,
): Promise<LetterSituation> {
  const referral = await loadReferralOrThrow(db, pc, deps, referralId);
  const decision = standingDecision(referral);
  const minutes = await finalisedMinutesOf(db, [referralId]);
  const history = outcomeHistory(
    decision ? { chosen: decision.chosen, recordedAt: decision.recordedAt } : null,
    minutes.map((m) => ({ finalisedAt: m.finalised_at, data: m.data })),
    escalationsOf(referral.progress),
  );
  const steps = letterSteps(
    { countedFrom: referral.countedFrom, history, letters: await lettersOf(db, referralId) },
    pc.calendar,
  );
  const eligibility = eligibilityFor(referral, kind);
  return { referral, eligibility, steps };
}

async function templatesInForce(db: Db) {
  const rows = await latestTemplates(db);
  const texts: Partial<Record<TemplateKey, string>> = {};
  const versions = new Map<string, { version: number; isDefault: boolean }>();
  for (const r of rows) {
    if (!(TEMPLATE_KEYS as readonly string[]).includes(r.key)) continue;
    texts[r.key as TemplateKey] = r.text;
    versions.set(r.key, { version: r.version, isDefault: r.is_default === 1 });
  }
  return { texts, versions };
}

/** The wording a letter would have now, with the template versions it came from. */
export async function letterPreview(
  db: Db,
  pc: PolicyContext,
  deps: ServiceDeps,
  referralId: string,
  kind: LetterKind,
): Promise<LetterPreview & { situation: LetterSituation }> {
  const situation = await letterSituation(db, pc, deps, referralId, kind);
  const { eligibility, referral, steps } = situation;
  if (eligibility.kind === 'none') return { eligibility, content: null, templates: [], situation };
  const step = steps.find((s) => s.kind === kind);
  if (kind === 'outcome' && (step === undefined || step.outcome === null)) {
    const message =
      'There is no final decision on this referral yet, so there is no outcome to tell the referrer. Send an acknowledgement instead.';
    throw new ValidationError({ kind: message }, message);
  }
  const outcome = kind === 'outcome' ? (step?.outcome ?? null) : null;
  const { texts, versions } = await templatesInForce(db);
  const facts = letterFactsFor({
    referral,
    organisation: pc.settings.organisation,
    outcome,
    letterDate: todayLondon(deps.clock),
    edition: pc.settings.edition,
    variant: eligibility.variant,
  });
  const content = renderLetter(texts, facts, kind, eligibility.variant, {
    marking: pc.settings.organisation.marking,
  });
  const used: TemplateKey[] = [templateKeyFor(kind, eligibility.variant, outcome)];
  if (kind === 'outcome') used.push('paragraph.other-support', 'paragraph.escalation');
  const templates = used.map((key) => ({
    key,
    version: versions.get(key)?.version ?? 0,
    isDefault: versions.get(key)?.isDefault ?? true,
  }));
  return { eligibility, content, templates, situation };
}

function refuse(field: string, message: string): never {
  throw new ValidationError({ [field]: message }, message);
}

/**
 * Finalises a letter with the given wording. Refused, with nothing kept, where no letter may
 * go to this referrer, or a child who referred themselves has no safe way of contact recorded.
 */
export async function finaliseLetter(
  trx: Db,
  pc: PolicyContext,
  deps: ServiceDeps,
  input: {
    referralId: string;
    kind: LetterKind;
    paragraphs?: string[];
    safeContact?: string;
    /** A batch makes only letters still due: never a second copy of one made or sent. */
    onlyIfDue?: boolean;
  },
  by: { userId: string; at: string },
): Promise<LetterRecord> {
  const preview = await letterPreview(trx, pc, deps, input.referralId, input.kind);
  if (input.onlyIfDue === true) {
    const step = preview.situation.steps.find((s) => s.kind === input.kind);
    if (step === undefined) {
      refuse(
        '_form',
        'No acknowledgement is needed: the referrer has already been sent the outcome',
      );
    }
    if (step.state === 'ready') {
      refuse('_form', 'This letter is already made and waiting to be sent');
    }
    if (step.state === 'sent') refuse('_form', 'This letter has already been sent');
  }
  const { eligibility, content: drafted } = preview;
  if (eligibility.kind === 'none' || drafted === null) {
    refuse(
      '_form',
      `No letter can be sent to this referrer: ${eligibility.reasons.map((r) => r.text).join(' ')}`,
    );
  }
  const referrer = preview.situation.referral.referrer;
  const recorded = 'safeContact' in referrer ? (referrer.safeContact ?? '') : '';
  const safeContact = (input.safeContact ?? recorded).trim();
  if (eligibility.needsSafeContact && safeContact === '') {
    refuse('safeContact', 'Record how it is safe to contact the child before making this letter');
  }
  const paragraphs = (input.paragraphs ?? drafted.paragraphs)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (paragraphs.length === 0) refuse('paragraphs', 'A letter needs at least one paragraph');
  const content: LetterContent = { ...drafted, paragraphs };
  const { buildLetterPdf } = await loadLetterPdf();
  const bytes = await buildLetterPdf(content, {
    logo: pc.settings.organisation.logo,
    marking: content.marking,
    generatedAt: new Date(by.at),
  });
  const referral = preview.situation.referral;
  const sequence = await nextLetterSequence(trx, referral.id, input.kind);
  const label = LETTER_KIND_LABELS[input.kind];
  const document = await keepDocument(
    trx,
    {
      kind: 'letter',
      subject: { type: 'referral', id: referral.id, version: referral.version },
      title: `${label} ${String(sequence)} ${referral.reference}`,
      fileName: documentFileName(referral.reference, 'letter', { version: sequence }).replace(
        ' letter ',
        input.kind === 'acknowledgement' ? ' acknowledgement letter ' : ' outcome letter ',
      ),
      mime: 'application/pdf',
      bytes,
    },
    by,
  );
  const id = randomUUID();
  await insertLetter(trx, {
    id,
    referralId: referral.id,
    kind: input.kind,
    recipient: content.facts.recipient.name,
    documentId: document.id,
    variant: content.variant,
    outcome: content.facts.outcome,
    sequence,
    data: {
      paragraphs,
      subject: content.subject,
      edited: paragraphs.join('\n\n') !== drafted.paragraphs.join('\n\n'),
      templates: preview.templates,
      ...(eligibility.needsSafeContact ? { safeContact } : {}),
      postalAllowed: eligibility.postalAllowed,
    },
    at: by.at,
    by: by.userId,
  });
  await addChronology(trx, referral.id, {
    at: by.at,
    kind: 'auto',
    text: `${label} ${String(sequence)} made for the referrer (${content.variant} letter), not yet sent`,
    userId: by.userId,
  });
  await appendAudit(trx, {
    at: by.at,
    userId: by.userId,
    action: 'create',
    entityType: 'referral',
    entityId: referral.id,
    summary: `${label} ${String(sequence)} finalised for ${referral.reference}`,
    details: {
      letterId: id,
      documentId: document.id,
      variant: content.variant,
      outcome: content.facts.outcome,
      edited: paragraphs.join('\n\n') !== drafted.paragraphs.join('\n\n'),
    },
  });
  const records = await letterRecordsOf(trx, referral.id, referral.reference);
  const made = records.find((r) => r.id === id);
  if (made === undefined) throw new Error('The letter just made could not be read back');
  return made;
}
