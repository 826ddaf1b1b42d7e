import { useMediaQuery, type Theme } from '@mui/material';
import type { ReactElement } from 'react';

/** Phones: lists switch to <SimpleList>. */
export const useIsSmall = () => useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));

/** A list's phone view (a <SimpleList>) on a phone, its table elsewhere. */
export const SmallOr = ({ small, children }: { small: ReactElement; children: ReactElement }) => (useIsSmall() ? small : children);
