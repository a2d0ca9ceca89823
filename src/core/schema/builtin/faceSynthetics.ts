import type { LabelSchema } from '../labelSchema';

/**
 * Microsoft FaceSynthetics (README of microsoft/FaceSynthetics). Colours: FaceSynthetics has no official
 * palette, so each class takes the CelebAMask-HQ colour of the same concept and subject side.
 */
export const FACE_SYNTHETICS_SCHEMA: LabelSchema = {
  id: 'facesynthetics',
  title: 'FaceSynthetics',
  leftRight: 'viewer',
  classes: [
    { id: 0, name: 'BACKGROUND', color: [0, 0, 0], concept: 'background' },
    { id: 1, name: 'SKIN', color: [204, 0, 0], concept: 'skin' },
    { id: 2, name: 'NOSE', color: [76, 153, 0], concept: 'nose' },
    { id: 3, name: 'RIGHT_EYE', color: [51, 51, 255], concept: 'eye', side: 'right' },
    { id: 4, name: 'LEFT_EYE', color: [204, 0, 204], concept: 'eye', side: 'left' },
    { id: 5, name: 'RIGHT_BROW', color: [0, 255, 255], concept: 'brow', side: 'right' },
    { id: 6, name: 'LEFT_BROW', color: [255, 204, 204], concept: 'brow', side: 'left' },
    { id: 7, name: 'RIGHT_EAR', color: [102, 51, 0], concept: 'ear', side: 'right' },
    { id: 8, name: 'LEFT_EAR', color: [255, 0, 0], concept: 'ear', side: 'left' },
    { id: 9, name: 'MOUTH_INTERIOR', color: [102, 204, 0], concept: 'mouth' },
    { id: 10, name: 'TOP_LIP', color: [255, 255, 0], concept: 'upper_lip' },
    { id: 11, name: 'BOTTOM_LIP', color: [0, 0, 153], concept: 'lower_lip' },
    { id: 12, name: 'NECK', color: [255, 153, 51], concept: 'neck' },
    { id: 13, name: 'HAIR', color: [0, 0, 204], concept: 'hair' },
    { id: 14, name: 'BEARD', color: [153, 102, 51], concept: 'beard' },
    { id: 15, name: 'CLOTHING', color: [0, 204, 0], concept: 'cloth' },
    { id: 16, name: 'GLASSES', color: [204, 204, 0], concept: 'glasses' },
    { id: 17, name: 'HEADWEAR', color: [255, 51, 153], concept: 'hat' },
    { id: 18, name: 'FACEWEAR', color: [153, 153, 255], concept: 'facewear' },
  ],
  notes: [
    'Class ids from the microsoft/FaceSynthetics README; label images are single-channel, pixel value = class id.',
    'LEFT/RIGHT are from the viewer: LEFT_EYE is on the left of the image (measured on sample renders).',
    'Pixel value 255 means "ignore" and is not a class.',
    'GLASSES covers opaque lenses only; transparent lenses take the class behind them.',
    'No official palette: colours follow CelebAMask-HQ for the same concept and side; BEARD and FACEWEAR have their own.',
  ],
};
