// The children the referral is about: any number, born or unborn. Child 2 onwards can copy the
// address, school, GP and language from child 1 (the last name too, only where it is empty).

import { Section } from '../../../components/Section';
import type { ReactElement } from 'react';
import { useFormContext, type UseFieldArrayReturn } from 'react-hook-form';

import { emptyChild, type ReferralForm } from '../form-model';
import { RepeatingSection } from '../RepeatingSection';
import { ChildCard } from './ChildCard';

export function ChildrenSection(props: {
  today: string;
  fields: UseFieldArrayReturn<ReferralForm, 'children'>;
}): ReactElement {
  const { getValues, setValue } = useFormContext<ReferralForm>();
  const children = props.fields;

  const copyFromFirst = (i: number): void => {
    const c0 = getValues('children.0');
    const opts = { shouldDirty: true };
    setValue(`children.${i}.address`, { ...c0.address }, opts);
    setValue(`children.${i}.school`, c0.school, opts);
    setValue(`children.${i}.gp`, c0.gp, opts);
    setValue(`children.${i}.firstLanguage`, c0.firstLanguage, opts);
    // Never append to a name already there ("SmithSmith"): only fill an empty one.
    if (getValues(`children.${i}.familyName`).trim() === '' && c0.familyName.trim() !== '') {
      setValue(`children.${i}.familyName`, c0.familyName.trim(), opts);
      setValue(`children.${i}.familyNameNotKnown`, false, opts);
    }
  };

  return (
    <Section
      variant="rule"
      title="Children"
      id="sec-children"
      intro="Everyone under 18 the referral is about, including an unborn baby."
    >
      <RepeatingSection
        items={children.fields}
        heading={(i) => `Child ${String(i + 1)}`}
        noun="child"
        min={1}
        addLabel="Add another child"
        onAdd={() => {
          children.append(emptyChild(), {
            focusName: `children.${String(children.fields.length)}.status`,
          });
        }}
        onRemove={(i) => {
          children.remove(i);
        }}
        testId={(i) => `child-${String(i)}`}
      >
        {(_f, i) => (
          <ChildCard
            index={i}
            today={props.today}
            {...(i > 0
              ? {
                  onCopyFromFirst: () => {
                    copyFromFirst(i);
                  },
                }
              : {})}
          />
        )}
      </RepeatingSection>
    </Section>
  );
}
