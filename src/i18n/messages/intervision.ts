/** Strings of intervision sessions in a thread, and of a member's erasure from the quality system, in English and Dutch. */
export const intervisionMessages = {
  en: {
    intervision: {
      erasure: {
        qualitySystem:
          'Quality system: {{licenceEntries}} licence entries deleted; your id replaced by an untraceable stand-in in {{caseFiles}} case files and {{audits}} audits.',
      },
    },
  },
  nl: {
    intervision: {
      erasure: {
        qualitySystem:
          'Kwaliteitssysteem: {{licenceEntries}} licentie-items gewist; je id vervangen door een onherleidbare plaatsvervanger in {{caseFiles}} dossiers en {{audits}} dossieronderzoeken.',
      },
    },
  },
};
