import { PlannedScreen } from '@/components/planned-screen';
import { requireRoute } from '@/lib/auth/current-user';

export default async function Page({ params }: { params: Promise<{ number: string }> }) {
  await requireRoute('/calls/[number]');
  const { number } = await params;
  return <PlannedScreen screen="call" params={{ number }} />;
}
