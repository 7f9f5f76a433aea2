import { LoadingStatus } from '@/components/loading-status';

export default function Loading() {
  return <LoadingStatus />;
}
