// The letter templates screen over a fake window.api: the whole app at #/letters/templates with
// an administrator signed in (unless a test says otherwise), the store's templates as the shipped
// defaults at version 1 except where a test changes them, and a preview that fills fields from a
// sample and reports unknown ones, as the main process does.
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import type { TemplateRecord } from '../../../shared/domain/letters';
import type { AppUser, SettingsRecord } from '../../../shared/domain/records';
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_KEYS,
  checkTemplate,
  toParagraphs,
} from '../../../shared/letters/templates';
import type { TemplateKey } from '../../../shared/letters/types';
import { createFakeApi, type FakeApi, type FakeHandlers } from '../../helpers/fake-api';
import { NOW, makeSession, makeSettings, makeUser } from '../fixtures';

export const ADMIN = makeUser({
  id: 'u-admin',
  displayName: 'Alex Admin',
  osAccount: 'aadmin',
  roles: ['admin'],
});

/** Every template as the store lists it: the shipped wording, never saved (version 0). */
export function templates(
  changed: Partial<Record<TemplateKey, Partial<TemplateRecord>>> = {},
): TemplateRecord[] {
  return TEMPLATE_KEYS.map((key) => ({
    key,
    text: DEFAULT_TEMPLATES[key],
    version: 0,
    isDefault: true,
    updatedAt: null,
    updatedBy: null,
    ...changed[key],
  }));
}

/** The sample referral's values (made up, as the main process's sample is). */
const SAMPLE: Record<string, string> = { reference: 'FD-2026-000123', childNames: 'Amy Smith' };

export function previewOf(text: string): { paragraphs: string[]; errors: string[] } {
  const filled = text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole, name: string) => {
    return SAMPLE[name] ?? whole;
  });
  // As the main process does: no paragraphs while the template has problems.
  const errors = checkTemplate(text);
  return { paragraphs: errors.length > 0 ? [] : toParagraphs(filled), errors };
}

export function setup(
  handlers: FakeHandlers = {},
  options: { user?: AppUser; settings?: SettingsRecord; list?: TemplateRecord[] } = {},
): FakeApi {
  const settings = options.settings ?? makeSettings();
  const list = options.list ?? templates();
  const fake = createFakeApi({
    'system:status': () => ({
      state: 'ok',
      reason: null,
      dataDir: '/tmp/front-door',
      uncleanShutdown: false,
      quickCheck: null,
      schemaVersion: 2,
      knownSchemaVersion: 2,
      backups: [],
    }),
    'session:current': () => ({ ...makeSession(options.user ?? ADMIN), settings }),
    'settings:get': () => settings,
    'letter-templates:list': () => list,
    'letter-templates:preview': ({ text }) => previewOf(text),
    ...handlers,
  });
  window.api = fake.api;
  return fake;
}

export function open(path = '#/letters/templates'): void {
  window.location.hash = path;
  render(<App now={() => NOW} />);
}

export function keyPath(key: TemplateKey): string {
  return `#/letters/templates/${encodeURIComponent(key)}`;
}

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  delete window.api;
});
