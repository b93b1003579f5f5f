import { API_001 } from './api-001';
import { API_002 } from './api-002';
import { API_003 } from './api-003';
import { API_010 } from './api-010';
import { API_011 } from './api-011';
import { API_012 } from './api-012';
import { API_013 } from './api-013';
import { API_014 } from './api-014';
import { API_015 } from './api-015';
import { API_016 } from './api-016';
import { API_017 } from './api-017';
import { API_018 } from './api-018';
import { API_020 } from './api-020';
import { API_021 } from './api-021';
import { API_022 } from './api-022';
import { API_023 } from './api-023';
import { API_024 } from './api-024';
import { API_025 } from './api-025';
import { API_026 } from './api-026';
import { API_027 } from './api-027';
import { API_028 } from './api-028';
import { API_030 } from './api-030';
import { API_031 } from './api-031';
import { API_032 } from './api-032';
import { API_033 } from './api-033';
import { API_040 } from './api-040';
import { API_050 } from './api-050';
import { Rule } from '../../rule';

/*
 * API: what the API server rejects that no schema expresses. One file per rule, named after its id. The lists keep the reporting order.
 */

/** Over StorageClass objects. */
export const API_STORAGE_CLASS_RULES: readonly Rule[] = [
  API_001,
  API_002,
  API_003,
];

/** Over object metadata, Services and pod specs. */
export const API_OBJECT_RULES: readonly Rule[] = [
  API_020,
  API_021,
  API_022,
  API_023,
  API_024,
  API_025,
  API_026,
  API_027,
  API_028,
  API_030,
  API_031,
  API_032,
  API_033,
  API_040,
  API_050,
];

/** Over PersistentVolumeClaims (and StatefulSet volumeClaimTemplates) and PersistentVolumes. */
export const API_VOLUME_RULES: readonly Rule[] = [
  API_010,
  API_011,
  API_012,
  API_013,
  API_014,
  API_015,
  API_016,
  API_017,
  API_018,
];

/** Every API rule, in reporting order. */
export const API_RULES: readonly Rule[] = [...API_STORAGE_CLASS_RULES, ...API_OBJECT_RULES, ...API_VOLUME_RULES];
