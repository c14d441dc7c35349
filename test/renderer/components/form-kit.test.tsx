// The kit's one way of checking a form: the check becomes react-hook-form's resolver, every error
// arrives at once (a section's error does not swallow its fields'), errors stay until the next
// "Save" (GOV.UK: no focus jumping while typing), and the main process's errors join them.

import '@testing-library/jest-dom/vitest';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkResolver,
  flatErrors,
  kitFormOptions,
  showServerErrors,
  type FormCheck,
} from '../../../renderer/src/components/form-kit';

afterEach(() => {
  cleanup();
});

type Form = {
  name: string;
  police: { officer: string; force: string };
  children: { name: string }[];
};
const ALL_WRONG: Record<string, string> = {
  police: 'Say whether you told the police',
  'police.officer': 'Enter the officer',
  'police.force': 'Enter the force',
  children: 'Add the children',
  'children.1.name': 'Enter child 2’s name',
  name: 'Enter your name',
};
const check: FormCheck<Form, { name: string }> = (form) =>
  form.name === 'ok' ? { ok: true, value: { name: form.name } } : { ok: false, errors: ALL_WRONG };

describe('checkResolver and flatErrors', () => {
  it('keeps every error, section and field alike, whatever order the check gave them', async () => {
    const resolver = checkResolver(check);
    const result = await resolver(
      { name: '', police: { officer: '', force: '' }, children: [{ name: 'a' }, { name: '' }] },
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(result.values).toEqual({});
    expect(flatErrors(result.errors)).toEqual(ALL_WRONG);
  });

  it('passes the checked value on when there is nothing wrong', async () => {
    const result = await checkResolver(check)(
      { name: 'ok', police: { officer: '', force: '' }, children: [] },
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(result).toEqual({ values: { name: 'ok' }, errors: {} });
  });
});

function KitForm(props: {
  onSave: (v: { name: string }) => void;
  server?: Record<string, string>;
}): ReactElement {
  const { register, handleSubmit, formState, setError } = useForm<Form, unknown, { name: string }>({
    defaultValues: { name: '', police: { officer: '', force: '' }, children: [] },
    ...kitFormOptions(check),
  });
  const errors = flatErrors(formState.errors);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        void handleSubmit((v) => {
          props.onSave(v);
          if (props.server) showServerErrors(setError, props.server);
        })(e);
      }}
    >
      <ul aria-label="Errors">
        {Object.entries(errors).map(([k, m]) => (
          <li key={k}>{`${k}: ${m}`}</li>
        ))}
      </ul>
      <label>
        Name <input {...register('name')} />
      </label>
      <button type="submit">Save</button>
    </form>
  );
}

describe('a form on the kit', () => {
  it('shows every error in one round and keeps them while the worker types', async () => {
    const user = userEvent.setup();
    const saved: { name: string }[] = [];
    render(<KitForm onSave={(v) => saved.push(v)} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const list = screen.getByRole('list', { name: 'Errors' });
    await waitFor(() => {
      expect(list.children).toHaveLength(Object.keys(ALL_WRONG).length);
    });
    await user.type(screen.getByLabelText(/Name/), 'ok');
    // Not re-checked while typing: the summary would jump about.
    expect(list.children).toHaveLength(Object.keys(ALL_WRONG).length);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(list.children).toHaveLength(0);
    });
    expect(saved).toEqual([{ name: 'ok' }]);
  });

  it('shows the main process’s errors beside the form’s own', async () => {
    const user = userEvent.setup();
    render(
      <KitForm
        onSave={() => undefined}
        server={{ 'police.officer': 'Refused by the main process', children: 'No children' }}
      />,
    );
    await user.type(screen.getByLabelText(/Name/), 'ok');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const list = screen.getByRole('list', { name: 'Errors' });
    await waitFor(() => {
      expect(list).toHaveTextContent('police.officer: Refused by the main process');
    });
    expect(list).toHaveTextContent('children: No children');
  });
});
