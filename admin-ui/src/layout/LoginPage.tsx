// 登录: the product's name, the form, and — only on a demo database, as the API says — the demo
// accounts to try, each with what that person does in the group.
import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { Box, Divider, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { httpClient } from '../httpClient';

interface DemoLogin {
  username: string;
  display_name: string;
  roles: string[];
  unit_name: string;
}
interface LoginInfo {
  product: string;
  demo: boolean;
  password?: string | null;
  logins?: DemoLogin[];
}

const DemoLogins = ({ info }: { info: LoginInfo }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="demo-logins">
      <Divider sx={{ mb: 1 }} />
      <Typography variant="subtitle2">{translate('login.demo_title')}</Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {info.password ? translate('login.demo_hint', { password: info.password }) : translate('login.demo_hint_no_password')}
      </Typography>
      {info.logins?.map((u) => (
        <Box
          key={u.username}
          sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, fontSize: 13, lineHeight: 1.7 }}
          data-testid={`demo-login-${u.username}`}
        >
          <Box component="code" sx={{ fontWeight: 600 }}>
            {u.username}
          </Box>
          <Box sx={{ color: 'text.secondary', textAlign: 'right' }}>{u.display_name}</Box>
        </Box>
      ))}
    </Box>
  );
};

export const LoginPage = () => {
  const { data: info } = useQuery({ queryKey: ['login-info'], queryFn: async () => (await httpClient('/api/auth/login-info')).json as LoginInfo });
  return (
    <Login avatarIcon={<LocalHospitalIcon />} sx={{ '& .RaLogin-card': { width: 340, maxWidth: 'calc(100vw - 32px)' } }}>
      <Typography variant="h6" align="center" data-testid="product-name" sx={{ mt: 1 }}>
        {info?.product ?? '\u00a0'}
      </Typography>
      <LoginForm />
      {info?.demo && <DemoLogins info={info} />}
    </Login>
  );
};
