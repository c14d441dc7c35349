// Thin handlers: one line per channel, wiring the parsed input to a service (architecture §1).
// Grouped by area; the `Handlers` type makes a missing or mistyped channel a compile error.
import type { Services } from '../services';
import type { Handlers, HandlerContext } from './dispatch';

const as = (ctx: HandlerContext) => ({ user: ctx.user });

export function createHandlers(services: Services): Handlers {
  const {
    referrals,
    drafts,
    people,
    search,
    decisions,
    progress,
    strategy,
    directory,
    settings,
    bankHolidays,
    users,
    audit,
    auditSearch,
    backups,
    status,
    sessionLock,
    documents,
    strategyFiles,
    recordFiles,
    strategyArrange,
    letters,
    letterTemplates,
    measures,
    census,
  } = services;
  return {
    'documents:list': (input, ctx) => documents.list(as(ctx), input),
    'documents:download': (input, ctx) => documents.download(as(ctx), input),
    'strategy:to-arrange': (_input, ctx) => strategyArrange.toArrange(as(ctx)),
    'strategy:invite': (input, ctx) => strategyFiles.invite(as(ctx), input),
    'strategy:invite-email': (input, ctx) => strategyFiles.inviteEmail(as(ctx), input),
    'strategy:week-invites': (input, ctx) => strategyFiles.weekInvites(as(ctx), input),
    'strategy:minutes-pdf': (input, ctx) => strategyFiles.minutesPdf(as(ctx), input),
    'referrals:export-pdf': (input, ctx) => recordFiles.referralPdf(as(ctx), input),
    'people:export-pdf': (input, ctx) => recordFiles.childPdf(as(ctx), input),
    'measures:get': (input, ctx) => measures.get(as(ctx), input),
    'measures:drill': (input, ctx) => measures.drill(as(ctx), input),
    'census:last-options': (_input, ctx) => census.lastOptions(as(ctx)),
    'census:check': (input, ctx) => census.check(as(ctx), input),
    'census:export': (input, ctx) => census.exportCsv(as(ctx), input),
    'letters:queue': (input, ctx) => letters.queue(as(ctx), input),
    'letters:for-referral': (input, ctx) => letters.forReferral(as(ctx), input),
    'letters:preview': (input, ctx) => letters.preview(as(ctx), input),
    'letters:finalise': (input, ctx) => letters.finalise(as(ctx), input),
    'letters:generate': (input, ctx) => letters.generate(as(ctx), input),
    'letters:cancel': (input, ctx) => letters.cancel(as(ctx), input),
    'letters:download': (input, ctx) => letters.download(as(ctx), input),
    'letters:email-draft': (input, ctx) => letters.emailDraft(as(ctx), input),
    'letters:mark-sent': (input, ctx) => letters.markSent(as(ctx), input),
    'invites:mark-sent': (input, ctx) => letterTemplates.inviteSent(as(ctx), input),
    'letter-templates:list': (_input, ctx) => letterTemplates.list(as(ctx)),
    'letter-templates:save': (input, ctx) => letterTemplates.save(as(ctx), input),
    'letter-templates:preview': (input, ctx) => letterTemplates.preview(as(ctx), input),

    'session:current': (_input, ctx) => users.session(as(ctx)),
    'system:status': () => status.get(),
    'system:recover': (input) =>
      input.file === undefined
        ? status.restoreNewestGoodBackup()
        : status.restore({ file: input.file }),

    'referrals:list': (input, ctx) => referrals.list(as(ctx), input),
    'referrals:queue': (input, ctx) => referrals.queue(as(ctx), input),
    'referrals:get': (input, ctx) => referrals.get(as(ctx), input),
    'referrals:create': (input, ctx) => referrals.create(as(ctx), input),
    'referrals:update': (input, ctx) => referrals.update(as(ctx), input),
    'referrals:assign': (input, ctx) => referrals.assign(as(ctx), input),
    'referrals:search': (input, ctx) => referrals.search(as(ctx), input),
    'referrals:add-event': (input, ctx) => referrals.addEvent(as(ctx), input),

    'drafts:save': (input, ctx) => drafts.save(as(ctx), input),
    'drafts:get': (input, ctx) => drafts.get(as(ctx), input),
    'drafts:list': (_input, ctx) => drafts.list(as(ctx)),
    'drafts:discard': (input, ctx) => drafts.discard(as(ctx), input),

    'search:all': (input, ctx) => search.all(as(ctx), input),

    'people:match': (input, ctx) => people.match(as(ctx), input),
    'people:known-adults': (input, ctx) => people.knownAdults(as(ctx), input),
    'people:search': (input, ctx) => people.search(as(ctx), input),
    'people:get': (input, ctx) => people.get(as(ctx), input),
    'people:link': (input, ctx) => people.link(as(ctx), input),
    'people:merge': (input, ctx) => people.merge(as(ctx), input),
    'people:unmerge': (input, ctx) => people.unmerge(as(ctx), input),

    'decisions:record': (input, ctx) => decisions.record(as(ctx), input),
    'decisions:sign-off': (input, ctx) => decisions.signOff(as(ctx), input),

    'progress:record': (input, ctx) => progress.record(as(ctx), input),
    'progress:withdraw': (input, ctx) => progress.withdraw(as(ctx), input),

    'strategy:schedule': (input, ctx) => strategy.schedule(as(ctx), input),
    'strategy:update': (input, ctx) => strategy.update(as(ctx), input),
    'strategy:cancel': (input, ctx) => strategy.cancel(as(ctx), input),
    'strategy:confirm': (input, ctx) => strategy.confirm(as(ctx), input),
    'strategy:mark-held': (input, ctx) => strategy.markHeld(as(ctx), input),
    'strategy:add-invitee': (input, ctx) => strategy.addInvitee(as(ctx), input),
    'strategy:remove-invitee': (input, ctx) => strategy.removeInvitee(as(ctx), input),
    'strategy:get': (input, ctx) => strategy.get(as(ctx), input),
    'strategy:list-mine': (_input, ctx) => strategy.listMine(as(ctx)),
    'strategy:list-for-referral': (input, ctx) => strategy.listForReferral(as(ctx), input),
    'strategy:save-minutes': (input, ctx) => strategy.saveMinutes(as(ctx), input),
    'strategy:finalise-minutes': (input, ctx) => strategy.finaliseMinutes(as(ctx), input),
    'strategy:amend-minutes': (input, ctx) => strategy.amendMinutes(as(ctx), input),

    'directory:list': (input, ctx) => directory.list(as(ctx), input),
    'directory:save': (input, ctx) => directory.save(as(ctx), input),

    'settings:get': (_input, ctx) => settings.get(as(ctx)),
    'settings:update': (input, ctx) => settings.update(as(ctx), input),
    'bank-holidays:status': (_input, ctx) => bankHolidays.status(as(ctx)),
    'bank-holidays:import': (input, ctx) => bankHolidays.import(as(ctx), input),
    'settings:preview': (input, ctx) => settings.preview(as(ctx), input),

    'audit:list': (input, ctx) => audit.list(as(ctx), input),
    'audit:search': (input, ctx) => auditSearch.search(as(ctx), input),
    'audit:export-subject': (input, ctx) => auditSearch.exportSubject(as(ctx), input),
    'audit:verify': (input, ctx) => audit.verify(as(ctx), input),

    'users:list': (_input, ctx) => users.list(as(ctx)),
    'users:set-roles': (input, ctx) => users.setRoles(as(ctx), input),
    'users:set-active': (input, ctx) => users.setActive(as(ctx), input),

    'backups:create': (input, ctx) => backups.create(as(ctx), input),
    'backups:list': (_input, ctx) => backups.list(as(ctx)),
    'backups:restore': (input, ctx) => backups.restore(as(ctx), input),
    'backups:status': (_input, ctx) => backups.status(as(ctx)),
    'backups:check': (input, ctx) => backups.check(as(ctx), input),

    'session:lock': (input, ctx) => sessionLock.lock(as(ctx), input),
    'session:unlock': (_input, ctx) => sessionLock.unlock(as(ctx)),
    'session:lock-setting': (_input, ctx) => sessionLock.setting(as(ctx)),
    'session:set-lock-setting': (input, ctx) => sessionLock.setSetting(as(ctx), input),
  };
}
