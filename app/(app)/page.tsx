import { redirect } from 'next/navigation';
import { requireRoute } from '@/lib/auth/current-user';
import { HOME_BY_ROLE } from '@/lib/auth/permissions';

export default async function Home() {
  const user = await requireRoute('/');
  redirect(HOME_BY_ROLE[user.role]);
}
