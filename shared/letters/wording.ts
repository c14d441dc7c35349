// The shipped wording of every referrer letter (issue 13), in plain English. An administrator may
// replace any of it (a new template version); these stay as the defaults and the preview sample.
// Paragraphs are separated by a blank line; `{{field}}` names come from TEMPLATE_FIELDS.
//
// What each kind of referrer may be told (WT 2018 ch.1; Information sharing advice 2018):
// - professional: the outcome and next steps for their role; never other agencies' information;
//   for child protection outcomes only that the matter is being progressed under child protection
//   procedures — never anything about a police investigation (golden rule 6: nothing that would
//   prejudice it);
// - member of the public: general assurance only, the same words whatever the outcome, so the
//   letter itself discloses nothing;
// - the family: what the family is told. A referral that did not lead to a service says why
//   (domain §2.5: the threshold) and where else support is available.

import type { LetterOutcome, LetterVariant, TemplateKey } from './types';

const IN_DANGER = 'If you think a child is in immediate danger, call 999.';

const ACK_PROFESSIONAL = `Thank you for your referral about {{childNames}}, which we received on {{receivedDate}}. This letter confirms that it has reached us.

A social worker will look at the information you gave us, together with anything we already know, and decide within one working day what help or protection is needed. We will then write to you again with the outcome and any next steps for you.

Please do not wait for our reply if you have new information or become more worried. Call us on {{organisationPhone}} and quote our reference {{reference}}. ${IN_DANGER}`;

const ACK_PUBLIC = `Thank you for contacting us on {{receivedDate}} about your concerns for {{childNames}}. This letter confirms that we have received them.

We take every concern about a child seriously. A social worker will look at what you told us and decide what should happen next.

To protect the privacy of the child and their family, we may not be able to tell you everything we do. We will write to you again once we have looked into your concerns.

If you have more information, please call us on {{organisationPhone}} and quote our reference {{reference}}. ${IN_DANGER}`;

const ACK_FAMILY = `Thank you for contacting us on {{receivedDate}} about {{childNames}}. This letter confirms that we have received what you told us.

A social worker will look at it carefully and decide within one working day what help or support is needed. Someone from our team will then contact you to talk about what happens next.

If you would like to talk to us before then, please call {{organisationPhone}} and quote our reference {{reference}}. ${IN_DANGER}`;

const PRO_OPENING =
  'Thank you for your referral about {{childNames}}, which we received on {{receivedDate}}. A social worker has considered it carefully, together with the information we already hold.';

const PRO_KEEP_IN_TOUCH =
  'If you become worried that a child is at risk of significant harm, or you have new information, please contact us straight away on {{organisationPhone}}, quoting our reference {{reference}}.';

const PRO_CHILD_PROTECTION = `${PRO_OPENING}

Your referral is being progressed under our child protection procedures. We are not able to give you more detail at this stage.

You may be contacted and asked to share information or to take part in a meeting. If you are, please respond as quickly as you can. Please continue to support {{childNames}} in your role.

${PRO_KEEP_IN_TOUCH} Your contact is {{contactName}}.`;

const PROFESSIONAL: Record<LetterOutcome, string> = {
  nfa: `${PRO_OPENING}

We have decided that children’s social care will take no further action. From the information we have, the concerns you raised do not meet the threshold for a service from children’s social care at this time. This does not mean your concerns were not valid, and we are grateful that you shared them.

Please continue to support {{childNames}} in your role and keep an eye on how things are. Any new concern will be looked at afresh.

${PRO_KEEP_IN_TOUCH}`,
  'information-advice': `${PRO_OPENING}

We have decided that {{childNames}} and their family do not need a service from children’s social care at this time, because the concerns do not meet the threshold for one. We have given information and advice about other support that may help.

Please continue to support {{childNames}} in your role. Where it is right to do so, you may wish to talk with the family about the support described below.

${PRO_KEEP_IN_TOUCH}`,
  'early-help': `${PRO_OPENING}

We have decided that the best way to help is through early help. Early help is support offered to families, with their agreement, to stop problems from getting worse. The early help team will contact the family.

The early help team may ask you for information or invite you to help plan the support. Please continue to support {{childNames}} in your role.

${PRO_KEEP_IN_TOUCH}`,
  's17-assessment': `${PRO_OPENING}

We have decided that a social worker will carry out an assessment of the needs of {{childNames}} (a child in need assessment under section 17 of the Children Act 1989).

The social worker may contact you for information and your professional view, which are an important part of the assessment. Please share what you know when asked, and continue to support {{childNames}} in your role.

${PRO_KEEP_IN_TOUCH} Your contact is {{contactName}}.`,
  'strategy-discussion': PRO_CHILD_PROTECTION,
  'emergency-action': PRO_CHILD_PROTECTION,
  's47-enquiry': PRO_CHILD_PROTECTION,
};

// One wording for every outcome: a letter to a member of the public must not disclose it.
const PUBLIC_OUTCOME = `Thank you for contacting us on {{receivedDate}} about your concerns for {{childNames}}.

We have looked into the concerns you raised and taken the action we think appropriate. To respect the privacy of the child and their family, we cannot tell you what we found or what we have done. We hope you will understand.

Thank you for taking the time to tell us. If you are worried about a child in future, please contact us again on {{organisationPhone}}, quoting our reference {{reference}}. ${IN_DANGER}`;

const FAMILY_OPENING =
  'Thank you for contacting us on {{receivedDate}} about {{childNames}}. A social worker has looked carefully at what you told us, together with the information we already hold.';

const FAMILY_CONTACT =
  'If you have any questions, please call {{contactName}} on {{organisationPhone}} and quote our reference {{reference}}.';

const FAMILY: Record<LetterOutcome, string> = {
  nfa: `${FAMILY_OPENING}

We have decided that children’s social care will not take any further action. From the information we have, the concerns do not meet the threshold for a service from children’s social care at this time. This does not mean that what you told us was not important.

If things change, or you need help in future, please contact us again on {{organisationPhone}}.`,
  'information-advice': `${FAMILY_OPENING}

We have decided that you do not need a service from children’s social care at this time, because the concerns do not meet the threshold for one. We have given you information and advice about other support that may help, and you will find more below.

If things change, or you need help in future, please contact us again on {{organisationPhone}}.`,
  'early-help': `${FAMILY_OPENING}

We think your family would benefit from early help. Early help is support for families, offered with your agreement, to help with difficulties before they get worse. Someone from the early help team will contact you to talk about what support would suit you.

${FAMILY_CONTACT}`,
  's17-assessment': `${FAMILY_OPENING}

We have decided that a social worker will carry out an assessment of the needs of {{childNames}}. This is called a child in need assessment (under section 17 of the Children Act 1989). The social worker will contact you to arrange to meet, and will talk with you about what help may be needed.

We want to work with you, and your views are an important part of the assessment. ${FAMILY_CONTACT}`,
  'strategy-discussion': `${FAMILY_OPENING}

We have decided that we need to look into the concerns further under our child protection procedures, to help keep {{childNames}} safe. A social worker will contact you to explain what this means and what will happen next.

${FAMILY_CONTACT}`,
  'emergency-action': `${FAMILY_OPENING}

Action has been taken to keep {{childNames}} safe, and the matter is being taken forward under our child protection procedures. A social worker will stay in touch with you to explain what is happening and what will happen next.

${FAMILY_CONTACT}`,
  's47-enquiry': `${FAMILY_OPENING}

We are making enquiries under our child protection procedures (section 47 of the Children Act 1989) to help keep {{childNames}} safe and to decide whether any further action is needed. A social worker will talk with you about what this means and will listen to your views.

${FAMILY_CONTACT}`,
};

const ESCALATION = `If you are not satisfied with our response, please contact {{contactName}} on {{organisationPhone}} or at {{organisationEmail}}, quoting our reference {{reference}}, and we will talk it through with you. A manager can review the decision. If you are still not satisfied, you can use the council’s complaints procedure or, if you are a professional, the local safeguarding partnership’s procedure for resolving professional disagreements.`;

const OTHER_SUPPORT = `Other support is available for children and families. A GP, health visitor or school nurse, and the child’s school or nursery, can give advice and support. Family hubs and children’s centres run services for families with children of all ages. The NSPCC helpline (0808 800 5000) gives advice to adults who are worried about a child, and Childline (0800 1111) is free and confidential for children and young people. Call us on {{organisationPhone}} to find out about local services.`;

function byOutcome(
  variant: LetterVariant,
  texts: Record<LetterOutcome, string>,
): Record<`outcome.${LetterVariant}.${LetterOutcome}`, string> {
  const entries = Object.entries(texts).map(([outcome, text]) => [
    `outcome.${variant}.${outcome}`,
    text,
  ]);
  return Object.fromEntries(entries) as Record<`outcome.${LetterVariant}.${LetterOutcome}`, string>;
}

/** The shipped wording for every template key. */
export const DEFAULT_TEMPLATES: Readonly<Record<TemplateKey, string>> = {
  'acknowledgement.professional': ACK_PROFESSIONAL,
  'acknowledgement.public': ACK_PUBLIC,
  'acknowledgement.family': ACK_FAMILY,
  ...byOutcome('professional', PROFESSIONAL),
  ...byOutcome('public', {
    nfa: PUBLIC_OUTCOME,
    'information-advice': PUBLIC_OUTCOME,
    'early-help': PUBLIC_OUTCOME,
    's17-assessment': PUBLIC_OUTCOME,
    'strategy-discussion': PUBLIC_OUTCOME,
    'emergency-action': PUBLIC_OUTCOME,
    's47-enquiry': PUBLIC_OUTCOME,
  }),
  ...byOutcome('family', FAMILY),
  'paragraph.escalation': ESCALATION,
  'paragraph.other-support': OTHER_SUPPORT,
};
