import { handlers } from '@/lib/auth/index';

export const { GET, POST } = handlers;
