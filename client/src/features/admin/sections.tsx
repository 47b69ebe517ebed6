import { Link } from 'react-router';
import { useMessages } from '@/i18n/LocaleProvider';
import { adminMessages } from './messages';

type Section = keyof (typeof adminMessages)['en']['overview'];

export const accountSections: readonly [string, Section][] = [
  ['/admin/users', 'users'],
  ['/admin/api-tokens', 'tokens'],
];

export const referenceSections: readonly [string, Section][] = [
  ['/admin/donors', 'donors'],
  ['/programmes', 'programmes'],
  ['/admin/administrations', 'administrations'],
  ['/admin/modules', 'modules'],
  ['/trainers', 'trainers'],
  ['/admin/key-factors', 'keyFactors'],
  ['/admin/regions', 'regions'],
  ['/admin/countries', 'countries'],
];

/** Links to the sections of a card, by their labels. */
export function SectionLinks({ sections }: { sections: readonly [string, Section][] }) {
  const t = useMessages(adminMessages);
  return (
    <ul>
      {sections.map(([to, label]) => (
        <li key={to}>
          <Link to={to}>{t.overview[label]}</Link>
        </li>
      ))}
    </ul>
  );
}
