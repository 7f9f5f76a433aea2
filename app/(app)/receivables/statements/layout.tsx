import type { ReactNode } from 'react';
import { ListLoading } from '@/components/list-loading';

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ListLoading segment={'/receivables/statements'} lists={['/receivables/statements']}>
      {children}
    </ListLoading>
  );
}
