import { useEffect, useRef } from 'react';

/** After a failed submit, moves focus to the first invalid field so it is read out. */
export function useFocusFirstInvalid(errors: Record<string, string>) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [errors]);
  return formRef;
}
