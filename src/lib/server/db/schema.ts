// Every module's tables, for drizzle-kit and for the typed query builder.
export * from '../auth/auth.tables';
export * from '../institutions/institutions.tables';
export * from '../mail/mail.tables';
export * from '../audit/audit.tables';
export * from '../settings/settings.tables';
export * from '../guides/guides.tables';
export * from '../programmes/programmes.tables';
export * from '../scholarships/scholarships.tables';
export * from '../costs/costs.tables';
export * from '../news/news.tables';
export * from '../search/search.tables';
export * from '../institutions/factsheet.tables';
export * from '../content/revisions.tables';
export * from '../content/imports.tables';
export * from '../media/media.tables';
export * from '../welcome/catalogue.tables';
