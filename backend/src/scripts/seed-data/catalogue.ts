/**
 * The sweet shop's opening catalogue. Prices are whole rupees, tax-inclusive
 * (Medusa stores amounts in major units; ₹1 = 100 paise happens only at the
 * payment gateway). A product sold by weight lists its price per kilogram and
 * its box sizes in grams; a product sold by the piece lists its price per
 * pack. Every variant of a product draws from one stock pool (an inventory kit).
 */

export type SweetCategory = {
  handle: string
  name: string
  description: string
}

type SweetBase = {
  handle: string
  title: string
  category: SweetCategory["handle"]
  description: string
  ingredients: string
  shelfLifeDays: number
  /** Opening stock of the product's pool, in grams or pieces. */
  openingStock: number
  /** Colours of the drawn image: sweet body and garnish. */
  art: { shape: "diamond" | "round" | "square" | "roll" | "box" | "heap"; body: string; garnish: string }
  bestseller?: boolean
  /** How to keep it at home, in one sentence (product metadata `storage`); the seed fills it from STORAGE. */
  storage?: string
  /** Vegetarian (the green mark) or not (the red mark); product metadata `veg`. Every sweet of this shop is. */
  veg?: boolean
  /** What one piece is called when it is not a piece: gift boxes are sold as boxes (metadata `piece_name`). */
  pieceName?: "box"
}

export type SweetSoldByWeight = SweetBase & {
  soldBy: "grams"
  rupeesPerKg: number
  boxGrams: number[]
}

export type SweetSoldByPiece = SweetBase & {
  soldBy: "pieces"
  /** Pack size in pieces → price of the pack in rupees. */
  packs: { pieces: number; rupees: number }[]
}

export type Sweet = SweetSoldByWeight | SweetSoldByPiece

export const CATEGORIES: SweetCategory[] = [
  { handle: "milk-sweets", name: "Milk Sweets", description: "Khoya and chhena sweets made fresh every morning." },
  { handle: "dry-fruit-sweets", name: "Dry-Fruit Sweets", description: "Cashew, almond and pistachio sweets that keep well." },
  { handle: "bengali-sweets", name: "Bengali Sweets", description: "Soft chhena sweets in the Kolkata style." },
  { handle: "laddoos", name: "Laddoos", description: "Round, rich and made by hand." },
  { handle: "namkeen", name: "Namkeen", description: "Savoury snacks to balance the sweets." },
  { handle: "gift-boxes", name: "Gift Boxes", description: "Assorted boxes for festivals, weddings and visits." },
]

const STANDARD_BOXES = [250, 500, 1000]

const RECIPES: Sweet[] = [
  // Milk sweets
  { handle: "kalakand", title: "Kalakand", category: "milk-sweets", soldBy: "grams", rupeesPerKg: 720, boxGrams: STANDARD_BOXES, openingStock: 6000, shelfLifeDays: 3, bestseller: true,
    description: "Soft, grainy milk cake set with cardamom and topped with pistachio slivers.",
    ingredients: "Milk, sugar, cardamom, pistachio", art: { shape: "square", body: "#f3e6c4", garnish: "#7fa650" } },
  { handle: "milk-cake", title: "Milk Cake", category: "milk-sweets", soldBy: "grams", rupeesPerKg: 680, boxGrams: STANDARD_BOXES, openingStock: 5000, shelfLifeDays: 5,
    description: "Slow-cooked caramelised milk with a golden centre, the Alwar classic.",
    ingredients: "Milk, sugar, ghee, lemon juice", art: { shape: "square", body: "#d9a66b", garnish: "#f3e6c4" } },
  { handle: "peda", title: "Mathura Peda", category: "milk-sweets", soldBy: "grams", rupeesPerKg: 640, boxGrams: STANDARD_BOXES, openingStock: 5000, shelfLifeDays: 7,
    description: "Browned khoya pedas from the Mathura recipe, rolled in bura sugar.",
    ingredients: "Khoya, sugar, ghee, cardamom", art: { shape: "round", body: "#c98b4f", garnish: "#fff5e0" } },
  { handle: "barfi", title: "Plain Khoya Barfi", category: "milk-sweets", soldBy: "grams", rupeesPerKg: 600, boxGrams: STANDARD_BOXES, openingStock: 4000, shelfLifeDays: 5,
    description: "Classic khoya barfi with a thin silver leaf.",
    ingredients: "Khoya, sugar, cardamom, edible silver leaf", art: { shape: "square", body: "#f6edd6", garnish: "#c0c0c0" } },
  { handle: "gulab-jamun", title: "Gulab Jamun", category: "milk-sweets", soldBy: "pieces", openingStock: 240, shelfLifeDays: 3, bestseller: true,
    packs: [{ pieces: 1, rupees: 25 }, { pieces: 6, rupees: 140 }, { pieces: 12, rupees: 270 }],
    description: "Khoya dumplings fried golden and soaked in rose-cardamom syrup.",
    ingredients: "Khoya, flour, sugar, ghee, rose water, cardamom", art: { shape: "round", body: "#7a3b1d", garnish: "#b5651d" } },

  // Dry-fruit sweets
  { handle: "kaju-katli", title: "Kaju Katli", category: "dry-fruit-sweets", soldBy: "grams", rupeesPerKg: 1200, boxGrams: STANDARD_BOXES, openingStock: 4200, shelfLifeDays: 15, bestseller: true,
    description: "Thin cashew diamonds with silver leaf: the festival favourite.",
    ingredients: "Cashew, sugar, ghee, edible silver leaf", art: { shape: "diamond", body: "#f4ead5", garnish: "#c0c0c0" } },
  { handle: "kaju-roll", title: "Kaju Pista Roll", category: "dry-fruit-sweets", soldBy: "grams", rupeesPerKg: 1400, boxGrams: STANDARD_BOXES, openingStock: 3000, shelfLifeDays: 15,
    description: "Cashew dough rolled around a pistachio filling.",
    ingredients: "Cashew, pistachio, sugar, ghee", art: { shape: "roll", body: "#f4ead5", garnish: "#8db96b" } },
  { handle: "badam-barfi", title: "Badam Barfi", category: "dry-fruit-sweets", soldBy: "grams", rupeesPerKg: 1500, boxGrams: STANDARD_BOXES, openingStock: 3000, shelfLifeDays: 15,
    description: "Almond fudge with saffron, cut into squares.",
    ingredients: "Almond, sugar, ghee, saffron", art: { shape: "square", body: "#ecd3a4", garnish: "#e08a1e" } },
  { handle: "anjeer-barfi", title: "Anjeer Barfi", category: "dry-fruit-sweets", soldBy: "grams", rupeesPerKg: 1600, boxGrams: STANDARD_BOXES, openingStock: 2500, shelfLifeDays: 20,
    description: "Figs and mixed nuts with no added sugar.",
    ingredients: "Figs, cashew, almond, pistachio, ghee", art: { shape: "square", body: "#8a5a44", garnish: "#d9b38c" } },
  { handle: "pista-lauj", title: "Pista Lauj", category: "dry-fruit-sweets", soldBy: "grams", rupeesPerKg: 2200, boxGrams: STANDARD_BOXES, openingStock: 2000, shelfLifeDays: 15,
    description: "Pistachio diamonds, bright green and rich.",
    ingredients: "Pistachio, sugar, ghee, edible silver leaf", art: { shape: "diamond", body: "#a8c686", garnish: "#c0c0c0" } },

  // Bengali sweets
  { handle: "rasgulla", title: "Rasgulla", category: "bengali-sweets", soldBy: "pieces", openingStock: 300, shelfLifeDays: 4, bestseller: true,
    packs: [{ pieces: 1, rupees: 20 }, { pieces: 6, rupees: 110 }, { pieces: 12, rupees: 210 }],
    description: "Spongy chhena balls in light sugar syrup.",
    ingredients: "Chhena (cottage cheese), sugar, cardamom", art: { shape: "round", body: "#fbf7ee", garnish: "#e8dcc0" } },
  { handle: "rasmalai", title: "Rasmalai", category: "bengali-sweets", soldBy: "pieces", openingStock: 180, shelfLifeDays: 2,
    packs: [{ pieces: 1, rupees: 40 }, { pieces: 6, rupees: 230 }, { pieces: 12, rupees: 450 }],
    description: "Chhena discs in saffron milk with pistachio.",
    ingredients: "Chhena, milk, sugar, saffron, pistachio", art: { shape: "round", body: "#f7e3a1", garnish: "#8db96b" } },
  { handle: "sandesh", title: "Sandesh", category: "bengali-sweets", soldBy: "grams", rupeesPerKg: 800, boxGrams: STANDARD_BOXES, openingStock: 3000, shelfLifeDays: 2,
    description: "Delicate pressed chhena with a hint of nolen gur.",
    ingredients: "Chhena, sugar, date-palm jaggery", art: { shape: "round", body: "#f1dfc0", garnish: "#a0522d" } },
  { handle: "cham-cham", title: "Cham Cham", category: "bengali-sweets", soldBy: "pieces", openingStock: 150, shelfLifeDays: 3,
    packs: [{ pieces: 1, rupees: 30 }, { pieces: 6, rupees: 170 }, { pieces: 12, rupees: 330 }],
    description: "Oval chhena sweets rolled in khoya and coconut.",
    ingredients: "Chhena, sugar, khoya, coconut", art: { shape: "roll", body: "#f5c6cf", garnish: "#fff5e0" } },

  // Laddoos
  { handle: "motichoor-laddoo", title: "Motichoor Laddoo", category: "laddoos", soldBy: "grams", rupeesPerKg: 560, boxGrams: STANDARD_BOXES, openingStock: 8000, shelfLifeDays: 7, bestseller: true,
    description: "Tiny pearls of gram-flour boondi in ghee, with melon seeds.",
    ingredients: "Gram flour, sugar, ghee, melon seeds, cardamom", art: { shape: "round", body: "#f29c1f", garnish: "#ffd27f" } },
  { handle: "besan-laddoo", title: "Besan Laddoo", category: "laddoos", soldBy: "grams", rupeesPerKg: 600, boxGrams: STANDARD_BOXES, openingStock: 6000, shelfLifeDays: 15,
    description: "Roasted gram flour and ghee, the way grandmothers make it.",
    ingredients: "Gram flour, ghee, sugar, cardamom, almonds", art: { shape: "round", body: "#e3b04b", garnish: "#b5651d" } },
  { handle: "coconut-laddoo", title: "Coconut Laddoo", category: "laddoos", soldBy: "pieces", openingStock: 200, shelfLifeDays: 7,
    packs: [{ pieces: 1, rupees: 20 }, { pieces: 6, rupees: 110 }, { pieces: 12, rupees: 210 }],
    description: "Fresh coconut and condensed milk rolled in desiccated coconut.",
    ingredients: "Coconut, condensed milk, cardamom", art: { shape: "round", body: "#fdfbf5", garnish: "#e8e0cc" } },
  { handle: "modak", title: "Ukadiche Modak", category: "laddoos", soldBy: "pieces", openingStock: 120, shelfLifeDays: 1,
    packs: [{ pieces: 1, rupees: 40 }, { pieces: 6, rupees: 230 }, { pieces: 12, rupees: 450 }],
    description: "Steamed rice-flour modak with coconut and jaggery, Ganesh's favourite.",
    ingredients: "Rice flour, coconut, jaggery, ghee, nutmeg", art: { shape: "heap", body: "#fbf3e4", garnish: "#c68a3a" } },

  // Namkeen
  { handle: "aloo-bhujia", title: "Aloo Bhujia", category: "namkeen", soldBy: "grams", rupeesPerKg: 360, boxGrams: STANDARD_BOXES, openingStock: 10000, shelfLifeDays: 60,
    description: "Crisp potato and moth-bean sev with mint and spices.",
    ingredients: "Potato, moth-bean flour, gram flour, edible oil, spices", art: { shape: "heap", body: "#e0a030", garnish: "#9b6b1c" } },
  { handle: "khatta-meetha", title: "Khatta Meetha Mix", category: "namkeen", soldBy: "grams", rupeesPerKg: 340, boxGrams: STANDARD_BOXES, openingStock: 8000, shelfLifeDays: 60,
    description: "Sweet-and-sour mix of sev, peanuts, raisins and cornflakes.",
    ingredients: "Gram flour, peanuts, raisins, corn flakes, sugar, spices", art: { shape: "heap", body: "#d4912c", garnish: "#7a2e1d" } },
  { handle: "mathri", title: "Methi Mathri", category: "namkeen", soldBy: "grams", rupeesPerKg: 400, boxGrams: STANDARD_BOXES, openingStock: 5000, shelfLifeDays: 30,
    description: "Flaky fenugreek crackers for tea time.",
    ingredients: "Wheat flour, fenugreek leaves, ajwain, edible oil", art: { shape: "round", body: "#e8c07a", garnish: "#6b8e23" } },
  { handle: "samosa", title: "Punjabi Samosa", category: "namkeen", soldBy: "pieces", openingStock: 100, shelfLifeDays: 1,
    packs: [{ pieces: 1, rupees: 20 }, { pieces: 6, rupees: 110 }, { pieces: 12, rupees: 210 }],
    description: "Crisp pastry filled with spiced potato and peas, fried to order in the morning.",
    ingredients: "Wheat flour, potato, peas, spices, edible oil", art: { shape: "diamond", body: "#d9a441", garnish: "#8b5a2b" } },

  // Gift boxes
  { handle: "festive-assortment", title: "Festive Assortment Box", category: "gift-boxes", soldBy: "pieces", openingStock: 40, shelfLifeDays: 7, bestseller: true,
    packs: [{ pieces: 1, rupees: 850 }, { pieces: 2, rupees: 1650 }, { pieces: 5, rupees: 4000 }],
    description: "Kaju katli, badam barfi, besan laddoo and peda in a keepsake box (about 800 g).",
    ingredients: "Cashew, almond, gram flour, khoya, sugar, ghee", art: { shape: "box", body: "#b22234", garnish: "#ffd700" } },
  { handle: "dry-fruit-gift-box", title: "Dry-Fruit Gift Box", category: "gift-boxes", soldBy: "pieces", openingStock: 30, shelfLifeDays: 20,
    packs: [{ pieces: 1, rupees: 1450 }, { pieces: 2, rupees: 2800 }, { pieces: 5, rupees: 6800 }],
    description: "Kaju katli, pista lauj, anjeer barfi and kaju roll (about 1 kg).",
    ingredients: "Cashew, pistachio, figs, almond, sugar, ghee", art: { shape: "box", body: "#4b2e83", garnish: "#ffd700" } },
  { handle: "diwali-hamper", title: "Diwali Hamper", category: "gift-boxes", soldBy: "pieces", openingStock: 20, shelfLifeDays: 10,
    packs: [{ pieces: 1, rupees: 2200 }, { pieces: 2, rupees: 4300 }, { pieces: 5, rupees: 10500 }],
    description: "Sweets, namkeen and a brass diya in a woven basket.",
    ingredients: "Assorted sweets and namkeen; see the card inside", art: { shape: "box", body: "#e25822", garnish: "#ffd700" } },
]

const COOL_DRY = "Store in a cool, dry place in an airtight box, away from sunlight; no need to refrigerate."
const REFRIGERATED = "Keep refrigerated (below 5 °C) in a closed box; take out 15 minutes before serving."
const IN_SYRUP = "Keep refrigerated (below 5 °C) in its syrup, and serve chilled."
const CRISP = "Store in a cool, dry place; close the pack tightly after opening to keep it crisp."

/** How each sweet keeps: milk and chhena sweets in the fridge, dry-fruit sweets and laddoos cool and dry. */
export const STORAGE: Record<string, string> = {
  kalakand: REFRIGERATED,
  "milk-cake": REFRIGERATED,
  peda: REFRIGERATED,
  barfi: REFRIGERATED,
  "gulab-jamun": "Keep refrigerated (below 5 °C) in its syrup; warm a few seconds before serving.",
  "kaju-katli": COOL_DRY,
  "kaju-roll": COOL_DRY,
  "badam-barfi": COOL_DRY,
  "anjeer-barfi": COOL_DRY,
  "pista-lauj": COOL_DRY,
  rasgulla: IN_SYRUP,
  rasmalai: IN_SYRUP,
  sandesh: REFRIGERATED,
  "cham-cham": REFRIGERATED,
  "motichoor-laddoo": COOL_DRY,
  "besan-laddoo": COOL_DRY,
  "coconut-laddoo": REFRIGERATED,
  modak: "Keep refrigerated and eat the same day; steam for a minute before serving.",
  "aloo-bhujia": CRISP,
  "khatta-meetha": CRISP,
  mathri: CRISP,
  samosa: "Best eaten the day it is made; keep refrigerated and reheat in an oven, not a microwave.",
  "festive-assortment": "Keep in a cool, dry place; in hot weather, refrigerate the box and eat the peda within 3 days.",
  "dry-fruit-gift-box": COOL_DRY,
  "diwali-hamper": "Keep the sweets cool and dry and the namkeen tightly closed; see the card inside for each item.",
}

/** The catalogue as seeded: every sweet vegetarian, with its storage advice; gift boxes sold as boxes. */
export const SWEETS: Sweet[] = RECIPES.map((sweet) => ({
  ...sweet,
  storage: STORAGE[sweet.handle] ?? COOL_DRY,
  veg: true,
  ...(sweet.category === "gift-boxes" ? { pieceName: "box" as const } : {}),
}))

/** The box sizes of a grams product as option values people read: "250 g", "1 kg". */
export function formatGrams(grams: number): string {
  return grams >= 1000 && grams % 1000 === 0 ? `${grams / 1000} kg` : `${grams} g`
}

export function formatPieces(pieces: number, name: "piece" | "box" = "piece"): string {
  const plural = name === "box" ? "boxes" : "pieces"
  return pieces === 1 ? `1 ${name}` : `${pieces} ${plural}`
}

/** Price of a box, whole rupees: per-kg price scaled to the box, rounded to the rupee. */
export function boxPriceRupees(rupeesPerKg: number, grams: number): number {
  return Math.round((rupeesPerKg * grams) / 1000)
}
