// The frame of a settings page (绩效方案, 点评规则, 远程会诊参数): the settings loaded (GET `path`), the
// title and its introduction, the form in its sections, the save (PUT `path`) with the server's field
// problems shown on their inputs, the saved settings kept and a notice; read-only for those who may
// only see them (their note instead of the save button). The page gives its inputs and what differs.
import type { ReactNode } from 'react';
import { Stack, Typography } from '@mui/material';
import { Form, Loading, ResourceContextProvider, SaveButton, Title, useNotify, useTranslate } from 'react-admin';
import { useSettings } from './useSettings';

export interface SettingsPageProps<T> {
  /** GET and PUT here */
  path: string;
  /** the grant's resource (edit: may save) and the resource context (an ArrayInput's iterator needs one) */
  resource: string;
  /** translation keys */
  title: string;
  intro?: string;
  /** the notice once saved; its arguments from the answer (see `saved`) */
  savedMessage: string;
  saveTestId: string;
  /** said instead of the save button to those who may only read; without it, nothing */
  readOnlyNote?: { message: string; testId: string };
  /** the form's record from the settings (default: as they are) */
  toForm?: (settings: T) => object;
  /** the body sent from the form's values (default: as they are) */
  fromForm?: (values: Record<string, unknown>) => object;
  /** the server's field problems moved onto the inputs that show them (default: as named) */
  onInputs?: (errors: Record<string, unknown>) => Record<string, unknown>;
  /** the settings kept from the answer and the notice's arguments (default: the answer is the settings) */
  saved?: (answer: unknown) => { settings: T; messageArgs?: Record<string, unknown> };
  /** the form's sections, given whether the page is read-only */
  children: (readOnly: boolean) => ReactNode;
}

export function SettingsPage<T extends object>(props: SettingsPageProps<T>) {
  const { path, resource, title, intro, savedMessage, saveTestId, readOnlyNote, toForm, fromForm, onInputs, saved, children } = props;
  const translate = useTranslate();
  const notify = useNotify();
  const { settings, setSettings, readOnly, put } = useSettings<T>(path, resource);
  if (!settings) return <Loading />;
  const save = async (values: Record<string, unknown>) => {
    const { answer, errors } = await put(fromForm ? fromForm(values) : values);
    if (!answer) return errors && (onInputs ? onInputs(errors) : errors);
    const kept = saved ? saved(answer) : { settings: answer as T };
    setSettings(kept.settings);
    notify(savedMessage, { type: 'success', messageArgs: kept.messageArgs });
    return undefined;
  };
  return (
    <Stack sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate(title)} />
      {intro && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {translate(intro)}
        </Typography>
      )}
      <ResourceContextProvider value={resource}>
        <Form record={toForm ? toForm(settings) : settings} onSubmit={save} disabled={readOnly}>
          {children(readOnly)}
          {!readOnly ? (
            <SaveButton data-testid={saveTestId} />
          ) : (
            readOnlyNote && (
              <Typography color="text.secondary" data-testid={readOnlyNote.testId}>
                {translate(readOnlyNote.message)}
              </Typography>
            )
          )}
        </Form>
      </ResourceContextProvider>
    </Stack>
  );
}
