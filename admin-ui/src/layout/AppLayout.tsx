import { memo, type ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';
import { AppMenu } from './AppMenu';

// react-admin's bar (language, loading/refresh) with the notification bell before them; drawn once,
// not again with the layout on every page change (the bar's parts follow what they show themselves)
const AppBarWithBell = memo(() => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
  />
));

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu} appBar={AppBarWithBell}>
    {children}
  </Layout>
);
