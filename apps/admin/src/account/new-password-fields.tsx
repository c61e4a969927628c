import { TextField } from '@unionhall/ui';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from './use-auth-action';

export interface NewPasswordValue {
  password: string;
  confirm: string;
}

/** What is wrong with a new password before it is sent, if anything. */
export function newPasswordProblems(value: NewPasswordValue) {
  return {
    password: value.password.length < MIN_PASSWORD_LENGTH ? 'tooShort' : null,
    confirm: value.confirm !== value.password ? 'mismatch' : null,
  } as const;
}

/**
 * The new password, typed twice. Problems show once the form has been submitted, so nobody is
 * told off while still typing.
 */
export function NewPasswordFields({
  value,
  onChange,
  showProblems,
}: {
  value: NewPasswordValue;
  onChange: (value: NewPasswordValue) => void;
  showProblems: boolean;
}) {
  const { t } = useTranslation();
  const problems = newPasswordProblems(value);
  return (
    <>
      <TextField
        label={t('account.newPassword')}
        description={t('account.newPasswordHint', { count: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
        value={value.password}
        error={
          showProblems && problems.password
            ? t('account.errors.tooShort', { count: MIN_PASSWORD_LENGTH })
            : undefined
        }
        onChange={(event) => onChange({ ...value, password: event.target.value })}
      />
      <TextField
        label={t('account.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={value.confirm}
        error={showProblems && problems.confirm ? t('account.errors.mismatch') : undefined}
        onChange={(event) => onChange({ ...value, confirm: event.target.value })}
      />
    </>
  );
}
