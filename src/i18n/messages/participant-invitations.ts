/** Texts of inviting members a coordinator adds to a running round: the private message with the way to answer. */
export const participantInvitationMessages = {
  en: {
    manage: {
      invite: {
        message: 'You now take part in the round “{{name}}” ({{framework}}). Answer when it suits you: only you see your own answers.',
        unreached_one: '{{count}} new participant could not be told privately; they find the round in the channel.',
        unreached_other: '{{count}} new participants could not be told privately; they find the round in the channel.',
      },
    },
  },
  nl: {
    manage: {
      invite: {
        message:
          'Je neemt nu deel aan de ronde “{{name}}” ({{framework}}). Antwoord wanneer het je past: alleen jij ziet je eigen antwoorden.',
        unreached_one: '{{count}} nieuwe deelnemer kon niet privé bericht krijgen; die vindt de ronde in het kanaal.',
        unreached_other: '{{count}} nieuwe deelnemers konden niet privé bericht krijgen; zij vinden de ronde in het kanaal.',
      },
    },
  },
} as const;
