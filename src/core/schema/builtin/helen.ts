import type { LabelSchema } from '../labelSchema';
import { LAPA_SCHEMA } from './laPa';

/** Helen face-parsing labels (Smith et al. 2013; ids as LaPa), drawn with the LaPa colours. */
export const HELEN_SCHEMA: LabelSchema = {
  id: 'helen',
  title: 'Helen',
  leftRight: 'viewer',
  // Same ids, sides and (unofficial) colours as LaPa; only the skin class is named and drawn differently.
  classes: LAPA_SCHEMA.classes.map((c) => (c.id === 1 ? { ...c, name: 'face skin' } : c)),
  notes: [
    'Classes of the Smith et al. CVPR 2013 Helen labels (lbl00–lbl10, argmax of the probability maps) and of HELEN* label PNGs.',
    '"left" is the viewer\'s left (HELEN* README).',
    'face skin excludes the ears and the neck; there is no ear, neck, clothing or accessory class.',
    'No official palette: colours are LaPa\'s.',
  ],
};
