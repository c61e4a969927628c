import { useQuery } from '@tanstack/react-query';
import { Button } from '@unionhall/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addTexts } from '../i18n';
import { joinEn } from '../i18n/join.en';
import { joinZhCN } from '../i18n/join.zh-CN';
import { useTRPC } from '../trpc';
import { forgetSubmitted, loadSubmitted, type SubmittedApplication } from './join-draft';
import { JoinForm } from './join-form';

addTexts('join', { 'zh-CN': joinZhCN, en: joinEn });

/**
 * /join: the application form, or, once it is sent, what happens next. Loaded on demand:
 * members who already belong never download the form.
 */
export default function JoinPage() {
  const { t } = useTranslation('join');
  const trpc = useTRPC();
  const session = useQuery(trpc.public.session.me.queryOptions());
  const [submitted, setSubmitted] = useState<SubmittedApplication | null>(() => loadSubmitted());

  if (session.data) {
    // Signed in already: the application (or membership) is on the account page.
    return (
      <section className="card join" aria-labelledby="join-heading">
        <h1 id="join-heading">{t('heading')}</h1>
        <p>{t('signedIn')}</p>
        <Link className="uh-button uh-button--primary" to="/account">
          {t('member:account.heading')}
        </Link>
      </section>
    );
  }

  if (submitted) {
    return (
      <JoinConfirmation
        submitted={submitted}
        onAnother={() => {
          forgetSubmitted();
          setSubmitted(null);
        }}
      />
    );
  }
  return <JoinForm onSubmitted={setSubmitted} />;
}

function JoinConfirmation({
  submitted,
  onAnother,
}: {
  submitted: SubmittedApplication;
  onAnother: () => void;
}) {
  const { t } = useTranslation('join');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card join" aria-labelledby="join-done-heading">
      <h1 id="join-done-heading" ref={headingRef} tabIndex={-1}>
        {t('done.heading')}
      </h1>
      <p>{t('done.intro', { email: submitted.email })}</p>
      <h2>{t('done.nextHeading')}</h2>
      <ol className="join__next">
        <li>{t('done.next1')}</li>
        <li>{t('done.next2', { email: submitted.email })}</li>
        <li>{t('done.next3')}</li>
      </ol>
      <Link
        className="uh-button uh-button--primary"
        to="/sign-in"
        state={{ email: submitted.email }}
      >
        {t('done.signIn')}
      </Link>
      <Button variant="ghost" onClick={onAnother}>
        {t('done.another')}
      </Button>
    </section>
  );
}
