/**
 * The real published reports the audit's tests run on: documents of the labelled corpus (corpus/reports),
 * formerly this package's fixtures/real. Test support only.
 * @module
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (schemes/, corpus/, examples/). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export const REAL_REPORTS = [
  'anhui-huaiyuan-rural-revitalization-transfer-2021',
  'anhui-huoqiu-education-department-2022',
  'chongqing-dazu-development-reform-department-2020',
  'guangdong-maoming-development-reform-department-2021',
  'hainan-haikou-xiuying-water-project-2022',
  'henan-xiping-transport-project-2022',
  'hubei-ezhou-finance-project-2019',
  'hunan-nanxian-cppcc-department-2021',
  'hunan-yueyang-city-management-department-2018',
  'neimenggu-bayannur-natural-resources-project-2024',
  'sichuan-qingshen-development-reform-project-2023',
  'sichuan-zhongjiang-water-project-2022',
  'yunnan-changning-school-project-2023',
  'yunnan-honghe-data-center-project-2024',
] as const;

/** The text file of a corpus document. */
export const corpusFile = (id: string): string => join(ROOT, 'corpus', 'reports', `${id}.txt`);
