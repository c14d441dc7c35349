// The referral record on paper says what the referral page says about the referrer (issue 13):
// a confidential referrer is flagged, and a family member's parental responsibility and a
// child's safe way to be contacted are printed; a record without them prints no flag.
import { describe, expect, it } from 'vitest';
import { buildReferralPdf } from '../../../electron/main/documents/record-pdf';
import type { ReferralRecord } from '../../../shared/domain/records';
import { fullReferral } from '../../renderer/referral-page/referral-fixture';
import { readPdf } from './read-pdf';

const ORGANISATION = 'Northshire County Council Children’s Services';
const FLAG = 'Identity confidential: never share with the family.';

async function printed(r: ReferralRecord): Promise<string> {
  const doc = await readPdf(await buildReferralPdf(r, ORGANISATION));
  return doc.pages
    .map((p) => p.text)
    .join('\n')
    .replace(/\s+/g, ' ');
}

const pub = {
  kind: 'public' as const,
  name: 'Noah Birch',
  phone: '07700 900123',
  wantsFeedback: true,
  feedbackMethod: 'phone' as const,
};

describe('the referrer on the referral record PDF', () => {
  it('flags a confidential professional, and prints no flag for an older record', async () => {
    const base = fullReferral();
    const confidential = { ...base.referrer, confidential: true } as ReferralRecord['referrer'];
    expect(await printed(fullReferral({ referrer: confidential }))).toContain(FLAG);
    expect(await printed(base)).not.toContain('Identity confidential');
  }, 60_000);

  it("prints a child's safe contact, and a family member's parental responsibility", async () => {
    const self = await printed(
      fullReferral({
        referrer: {
          ...pub,
          relationship: 'self',
          safeContact: 'Through the school nurse',
          confidential: true,
        },
      }),
    );
    expect(self).toContain('How it is safe to contact them Through the school nurse');
    expect(self).toContain(FLAG);
    expect(self).not.toContain('Parental responsibility Yes');

    const family = await printed(
      fullReferral({
        referrer: {
          ...pub,
          name: 'Kelly Birch',
          relationship: 'family-member',
          parentalResponsibility: false,
        },
      }),
    );
    expect(family).toMatch(/Parental responsibility\s+No/);
    expect(family).not.toContain('How it is safe to contact them');
  }, 60_000);

  it('prints a household member alleged to have caused harm, and their address', async () => {
    const base = fullReferral();
    const [first, second] = base.householdMembers;
    if (!first || !second) throw new Error('fixture has two household members');
    const text = await printed({
      ...base,
      householdMembers: [
        first,
        {
          ...second,
          member: {
            ...second.member,
            livesInHousehold: false,
            allegedHarm: true,
            address: { line1: '4 Quarry Lane', town: 'Northtown', postcode: 'NT3 9QQ' },
          },
        },
      ],
    });
    expect(text).toContain('Alleged to have caused harm');
    expect(text).toContain('Address: 4 Quarry Lane');
    expect(await printed(base)).not.toContain('Alleged to have caused harm');
  }, 60_000);
});
