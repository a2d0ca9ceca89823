import type { LabelSchema } from '../labelSchema';

/** The 19-class order of zllrunning/face-parsing.PyTorch (also yakhyo/face-parsing and facefusion), with its visualisation palette. */
export const BISENET_SCHEMA: LabelSchema = {
  id: 'bisenet',
  title: 'BiSeNet (face-parsing.PyTorch)',
  leftRight: 'subject',
  officialPalette: true,
  classes: [
    { id: 0, name: 'background', color: [0, 0, 0], concept: 'background' },
    { id: 1, name: 'skin', color: [255, 85, 0], concept: 'skin' },
    { id: 2, name: 'l_brow', color: [255, 170, 0], concept: 'brow', side: 'left' },
    { id: 3, name: 'r_brow', color: [255, 0, 85], concept: 'brow', side: 'right' },
    { id: 4, name: 'l_eye', color: [255, 0, 170], concept: 'eye', side: 'left' },
    { id: 5, name: 'r_eye', color: [0, 255, 0], concept: 'eye', side: 'right' },
    { id: 6, name: 'eye_g', color: [85, 255, 0], concept: 'glasses' },
    { id: 7, name: 'l_ear', color: [170, 255, 0], concept: 'ear', side: 'left' },
    { id: 8, name: 'r_ear', color: [0, 255, 85], concept: 'ear', side: 'right' },
    { id: 9, name: 'ear_r', color: [0, 255, 170], concept: 'earring' },
    { id: 10, name: 'nose', color: [0, 0, 255], concept: 'nose' },
    { id: 11, name: 'mouth', color: [85, 0, 255], concept: 'mouth' },
    { id: 12, name: 'u_lip', color: [170, 0, 255], concept: 'upper_lip' },
    { id: 13, name: 'l_lip', color: [0, 85, 255], concept: 'lower_lip' },
    { id: 14, name: 'neck', color: [0, 170, 255], concept: 'neck' },
    { id: 15, name: 'neck_l', color: [255, 255, 0], concept: 'necklace' },
    { id: 16, name: 'cloth', color: [255, 255, 85], concept: 'cloth' },
    { id: 17, name: 'hair', color: [255, 255, 170], concept: 'hair' },
    { id: 18, name: 'hat', color: [255, 0, 255], concept: 'hat' },
  ],
  notes: [
    'Class order of zllrunning/face-parsing.PyTorch (face_dataset.py), shared by yakhyo/face-parsing and facefusion; differs from the official CelebAMask-HQ order.',
    'Trained on CelebAMask-HQ annotations, so l_*/r_* are the subject\'s own left/right.',
    'Colours 1–18 are the zllrunning/yakhyo visualisation palette; background is black here (their overlay leaves it unpainted).',
  ],
};
