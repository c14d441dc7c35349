import '@testing-library/jest-dom/vitest';
import { useState, type ReactElement } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DatePickerButton, formatPicked } from '../../../renderer/src/components/DatePickerButton';
import { NowProvider } from '../../../renderer/src/components/now';
import { DateTimeField } from '../../../renderer/src/components/DateTimeField';
import type { DateTimeText } from '../../../shared/validation/typed-dates';
import { Text } from '../../../renderer/src/features/intake/fields';
import { emptyForm, type ReferralForm } from '../../../renderer/src/features/intake/form-model';
import { NOW } from '../fixtures';

const CALENDAR = 'Choose from a calendar';

afterEach(() => {
  cleanup();
});

function When(props: { initial: DateTimeText; maxDate?: string }): ReactElement {
  const [value, setValue] = useState(props.initial);
  return (
    <NowProvider now={() => NOW}>
      <DateTimeField
        path="at"
        legend="When it happened"
        value={value}
        onChange={setValue}
        today="2026-11-24"
        twoDigitYears="past"
        {...(props.maxDate === undefined ? {} : { maxDate: props.maxDate })}
      />
    </NowProvider>
  );
}

async function dialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog', { name: 'When it happened: choose a day' });
}

describe('the calendar beside a typed date', () => {
  it('picks a day with the keyboard alone and hands the text box back', async () => {
    const user = userEvent.setup();
    render(<When initial={{ date: '10/06/2015', time: '09:30' }} />);
    const box = screen.getByLabelText('Date');

    await user.tab();
    expect(box).toHaveFocus();
    await user.tab();
    const button = screen.getByRole('button', { name: CALENDAR });
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    expect(button).toHaveAccessibleDescription('When it happened Date');
    await user.keyboard('{Enter}');

    const calendar = await dialog();
    // Opens on the typed date, with focus on it, so arrow keys work at once.
    expect(within(calendar).getByText('June 2015')).toBeVisible();
    await waitFor(() => {
      expect(within(calendar).getByRole('gridcell', { name: '10' })).toHaveFocus();
    });
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{Enter}');

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(box).toHaveValue('14/06/2015');
    expect(screen.getByLabelText('Time (24-hour)')).toHaveValue('09:30');
    await waitFor(() => {
      expect(box).toHaveFocus();
    });
  });

  it('opens on the month of the typed date, or this month when the text is not a date', async () => {
    const user = userEvent.setup();
    render(<When initial={{ date: '03/02/2024', time: '' }} />);
    await user.click(screen.getByRole('button', { name: CALENDAR }));
    expect(within(await dialog()).getByText('February 2024')).toBeVisible();
    // Monday first (en-GB): 1 February 2024 was a Thursday, the fourth column.
    const firstWeek = within(await dialog()).getAllByRole('row')[1];
    expect(firstWeek).toBeDefined();
    if (!firstWeek) return;
    expect(within(firstWeek).getAllByRole('gridcell')[3]).toHaveTextContent('1');
    await user.keyboard('{Escape}');
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    await user.clear(screen.getByLabelText('Date'));
    await user.type(screen.getByLabelText('Date'), '31/02/2024');
    await user.click(screen.getByRole('button', { name: CALENDAR }));
    expect(within(await dialog()).getByText('November 2026')).toBeVisible();
  });

  it('closes on Escape without changing the text, and focus returns to the button', async () => {
    const user = userEvent.setup();
    render(<When initial={{ date: '10/06/2015', time: '' }} />);
    const button = screen.getByRole('button', { name: CALENDAR });
    await user.click(button);
    const calendar = await dialog();
    await waitFor(() => {
      expect(within(calendar).getByRole('gridcell', { name: '10' })).toHaveFocus();
    });
    await user.keyboard('{ArrowRight}{Escape}');
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(screen.getByLabelText('Date')).toHaveValue('10/06/2015');
    await waitFor(() => {
      expect(button).toHaveFocus();
    });
  });

  it('does not offer days after maxDate', async () => {
    const user = userEvent.setup();
    render(<When initial={{ date: '', time: '' }} maxDate="2026-11-24" />);
    await user.click(screen.getByRole('button', { name: CALENDAR }));
    const calendar = await dialog();
    expect(within(calendar).getByText('November 2026')).toBeVisible();
    expect(within(calendar).getByRole('gridcell', { name: '24' })).toBeEnabled();
    expect(within(calendar).getByRole('gridcell', { name: '25' })).toBeDisabled();
    expect(within(calendar).getByRole('button', { name: 'Next month' })).toBeDisabled();
  });

  it('can be disabled', () => {
    render(
      <DatePickerButton value="" onPick={() => undefined} label="Date" inputId="x" disabled />,
    );
    expect(screen.getByRole('button', { name: CALENDAR })).toBeDisabled();
  });

  it('formats a picked day as zero-padded DD/MM/YYYY', () => {
    expect(formatPicked(new Date(2015, 5, 4))).toBe('04/06/2015');
    expect(formatPicked(new Date(2026, 11, 31))).toBe('31/12/2026');
  });
});

describe('an intake Text with a date', () => {
  function Intake(props: { onForm: (values: ReferralForm, dirty: boolean) => void }): ReactElement {
    const blank = emptyForm({ date: '2026-11-24', time: '10:00' });
    const form = useForm<ReferralForm>({
      defaultValues: {
        ...blank,
        children: blank.children.map((c) => ({ ...c, dateOfBirth: '01/06/2015' })),
      },
    });
    return (
      <NowProvider now={() => NOW}>
        <FormProvider {...form}>
          <Text
            name="children.0.dateOfBirth"
            label="Date of birth"
            width={240}
            date={{ maxDate: '2026-11-24' }}
          />
          <button
            type="button"
            onClick={() => {
              props.onForm(form.getValues(), form.getFieldState('children.0.dateOfBirth').isDirty);
            }}
          >
            Read form
          </button>
        </FormProvider>
      </NowProvider>
    );
  }

  it('puts the chosen day into the form as DD/MM/YYYY', async () => {
    const user = userEvent.setup();
    let seen: { values: ReferralForm; dirty: boolean } | undefined;
    render(
      <Intake
        onForm={(values, dirty) => {
          seen = { values, dirty };
        }}
      />,
    );
    const box = screen.getByLabelText('Date of birth');
    expect(box).toHaveValue('01/06/2015');
    const button = screen.getByRole('button', { name: CALENDAR });
    expect(button).toHaveAccessibleDescription('Date of birth');
    await user.click(button);
    const calendar = await screen.findByRole('dialog', { name: 'Date of birth: choose a day' });
    expect(within(calendar).getByText('June 2015')).toBeVisible();
    await user.click(within(calendar).getByRole('gridcell', { name: '14' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(box).toHaveValue('14/06/2015');
    await waitFor(() => {
      expect(box).toHaveFocus();
    });
    await user.click(screen.getByRole('button', { name: 'Read form' }));
    expect(seen?.values.children[0]?.dateOfBirth).toBe('14/06/2015');
    expect(seen?.dirty).toBe(true);
  });
});
