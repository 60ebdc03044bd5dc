/** Texts of the anonymity rules: what is shown of an item below the threshold k, and the refusals that guard k. */
export const anonymityMessages = {
  en: {
    anonymity: {
      suppressed: 'fewer than {{k}} answers',
    },
  },
  nl: {
    anonymity: {
      suppressed: 'minder dan {{k}} antwoorden',
    },
  },
};
