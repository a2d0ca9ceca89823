import type { LabelSchema } from '../labelSchema';

/** LaPa 11-class labels with the official colour map (JDAI-CV/lapa-dataset labelmap.txt, colormap.txt). */
export const LAPA_SCHEMA: LabelSchema = {
  id: 'lapa',
  title: 'LaPa',
  leftRight: 'viewer',
  officialPalette: true,
  classes: [
    { id: 0, name: 'background', color: [0, 0, 0], concept: 'background' },
    { id: 1, name: 'skin', color: [0, 153, 255], concept: 'skin' },
    { id: 2, name: 'left eyebrow', color: [102, 255, 153], concept: 'brow', side: 'left' },
    { id: 3, name: 'right eyebrow', color: [0, 204, 153], concept: 'brow', side: 'right' },
    { id: 4, name: 'left eye', color: [255, 255, 102], concept: 'eye', side: 'left' },
    { id: 5, name: 'right eye', color: [255, 255, 204], concept: 'eye', side: 'right' },
    { id: 6, name: 'nose', color: [255, 153, 0], concept: 'nose' },
    { id: 7, name: 'upper lip', color: [255, 102, 255], concept: 'upper_lip' },
    { id: 8, name: 'inner mouth', color: [102, 0, 51], concept: 'mouth' },
    { id: 9, name: 'lower lip', color: [255, 204, 255], concept: 'lower_lip' },
    { id: 10, name: 'hair', color: [255, 0, 102], concept: 'hair' },
  ],
  notes: [
    'Label map and colours from JDAI-CV/lapa-dataset (labelmap.txt, colormap.txt); label PNGs hold class ids.',
    '"left" is the viewer\'s left: "left eye" is on the left of the image (measured).',
    'skin includes the ears (FaRL names the class face_lr_rr); there is no neck, clothing or accessory class.',
  ],
};
