import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** A choice drawn as a chip (SelectField optionText): its name is an i18n key, translated here. */
export const ChoiceChip = () => {
  const choice = useRecordContext();
  const translate = useTranslate();
  return choice ? <Chip size="small" label={translate(String(choice.name))} /> : null;
};
