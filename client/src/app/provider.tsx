import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Toaster } from 'sonner';
import { createQueryClient } from '@/lib/query-client';

/** App-wide providers. Tests pass their own client so every test starts with an empty cache. */
export function AppProvider({
  queryClient,
  children,
}: {
  queryClient?: QueryClient;
  children: ReactNode;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      {children}
      {/* What a destructive action did ("Draft deleted"), said once it has happened. */}
      <Toaster position="bottom-center" richColors closeButton />
    </QueryClientProvider>
  );
}
