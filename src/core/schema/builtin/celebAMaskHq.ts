import type { LabelSchema } from '../labelSchema';

/** CelebAMask-HQ merged labels in the official order and colours (switchablenorms/CelebAMask-HQ g_mask.py, g_color.py). */
export const CELEBAMASK_HQ_SCHEMA: LabelSchema = {
  id: 'celebamask-hq',
  title: 'CelebAMask-HQ',
  leftRight: 'subject',
  officialPalette: true,
  classes: [
    { id: 0, name: 'background', color: [0, 0, 0], concept: 'background' },
    { id: 1, name: 'skin', color: [204, 0, 0], concept: 'skin' },
    { id: 2, name: 'nose', color: [76, 153, 0], concept: 'nose' },
    { id: 3, name: 'eye_g', color: [204, 204, 0], concept: 'glasses' },
    { id: 4, name: 'l_eye', color: [51, 51, 255], concept: 'eye', side: 'left' },
    { id: 5, name: 'r_eye', color: [204, 0, 204], concept: 'eye', side: 'right' },
    { id: 6, name: 'l_brow', color: [0, 255, 255], concept: 'brow', side: 'left' },
    { id: 7, name: 'r_brow', color: [255, 204, 204], concept: 'brow', side: 'right' },
    { id: 8, name: 'l_ear', color: [102, 51, 0], concept: 'ear', side: 'left' },
    { id: 9, name: 'r_ear', color: [255, 0, 0], concept: 'ear', side: 'right' },
    { id: 10, name: 'mouth', color: [102, 204, 0], concept: 'mouth' },
    { id: 11, name: 'u_lip', color: [255, 255, 0], concept: 'upper_lip' },
    { id: 12, name: 'l_lip', color: [0, 0, 153], concept: 'lower_lip' },
    { id: 13, name: 'hair', color: [0, 0, 204], concept: 'hair' },
    { id: 14, name: 'hat', color: [255, 51, 153], concept: 'hat' },
    { id: 15, name: 'ear_r', color: [0, 204, 204], concept: 'earring' },
    { id: 16, name: 'neck_l', color: [0, 51, 0], concept: 'necklace' },
    { id: 17, name: 'neck', color: [255, 153, 51], concept: 'neck' },
    { id: 18, name: 'cloth', color: [0, 204, 0], concept: 'cloth' },
  ],
  notes: [
    'Official merged-label order and palette (CelebAMask-HQ g_mask.py "list2", g_color.py); also used by jonathandinu/face-parsing (SegFormer).',
    'l_*/r_* are the subject\'s own left/right: l_eye is on the right of the image (measured).',
    'Masks are merged from per-part PNGs in list order; later parts (hair, hat, ear_r, neck_l, neck, cloth) overwrite earlier ones.',
    'mouth is the area between the lips; ear_r is earring, neck_l is necklace.',
  ],
};
