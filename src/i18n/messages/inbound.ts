/** What a member hears when a request is refused at the adapter's edge, and when a slow answer settles late. */
export const inboundMessages = {
  en: {
    inbound: {
      unknownAction: 'I do not know that button or form. It may come from an older version of Spiegel: please use a newer message.',
      notUnderstood: 'I did not understand that request, so nothing was read or changed. Please use Spiegel’s buttons and forms.',
      savedLate: 'Saved after all: {{answer}}',
      notSavedLate: 'Your click on “{{criterion}}” was not saved: please click it again.',
      cardSavedLate: 'The answers you saved on the card of “{{round}}” are stored after all.',
      cardNotSavedLate: 'The answers you saved a moment ago on a Spiegel card were not stored: please press Save again.',
    },
  },
  nl: {
    inbound: {
      unknownAction:
        'Die knop of dat formulier ken ik niet. Misschien komt het van een oudere versie van Spiegel: gebruik een nieuwer bericht.',
      notUnderstood: 'Ik begreep dat verzoek niet, dus er is niets gelezen of veranderd. Gebruik de knoppen en formulieren van Spiegel.',
      savedLate: 'Toch bewaard: {{answer}}',
      notSavedLate: 'Je klik op “{{criterion}}” is niet bewaard: klik hem opnieuw aan.',
      cardSavedLate: 'De antwoorden die je op de kaart van “{{round}}” bewaarde, zijn toch opgeslagen.',
      cardNotSavedLate: 'De antwoorden die je zonet op een kaart van Spiegel bewaarde, zijn niet opgeslagen: druk opnieuw op Bewaren.',
    },
  },
};
