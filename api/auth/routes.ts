import { z } from 'zod';
import { ApiRouter } from '../http/router';
import { parse } from '../http/validate';
import { login, whoAmI } from './service';
import { loginInfo } from './loginInfo';
import { mountCrud } from '../http/crudRoutes';
import { createUserSchema, updateUserSchema, userResource } from './users';

const loginBody = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export const authRoutes = new ApiRouter('/auth', 'auth')
  .post('/login', { summary: 'Log in; returns a bearer token and the user', body: loginBody, public: true }, (req) => {
    const { username, password } = parse(loginBody, req.body);
    return login(username, password, req.ip);
  })
  .get('/login-info', { summary: 'The product name and, on a demo database only, the demo accounts', public: true }, () => loginInfo())
  .get('/me', { summary: 'The current user, roles, org unit and permissions' }, (req) => whoAmI(req.actor));

export const userRoutes = mountCrud(new ApiRouter('/users', 'auth'), userResource, {
  label: 'users',
  create: createUserSchema,
  update: updateUserSchema,
});
