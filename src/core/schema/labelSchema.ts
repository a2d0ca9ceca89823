/** Which side "left" names: the pictured person's own left, or the left of the image as a viewer sees it. */
export type LeftRightConvention = 'subject' | 'viewer';

/** The side a class's name gives, read in its schema's convention. */
export type NamedSide = 'left' | 'right';

/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** One class of a label schema. */
export interface SchemaClass {
  /** Pixel value in label maps of this schema. */
  readonly id: number;
  /** The schema's own name for the class (e.g. "l_brow", "LEFT_EYE"). */
  readonly name: string;
  readonly color: Rgb;
  /** A concept of the canonical set (core/schema/concepts), e.g. "eye", "skin". */
  readonly concept: string;
  /** For sided concepts: the side this class's name gives, in the schema's convention. */
  readonly side?: NamedSide;
}

/** A label schema: class ids, names, colours, and how it names left and right. */
export interface LabelSchema {
  /** Stable identifier, e.g. "celebamask-hq". */
  readonly id: string;
  readonly title: string;
  readonly classes: readonly SchemaClass[];
  readonly leftRight: LeftRightConvention;
  /** True when the colours are the dataset's own published palette (not colours FaceGap chose). */
  readonly officialPalette?: boolean;
  /** Facts a user should know (e.g. "skin includes the ears"). */
  readonly notes?: readonly string[];
}
