/** Failures of the system around the core (jobs, configuration, command line, app packages, installations). */
export const systemErrorMessages = {
  en: {
    errors: {
      'job.failed': 'A scheduled task could not be done. It is tried again a few times before it is given up.',
      'config.invalid': 'The configuration is not valid: {{detail}}',
      'usage.invalid': 'That command line is not valid. `--help` shows how to write it.',
      'appPackage.invalid': 'The Teams app package is not valid: {{detail}}',
      'slack.notInstalled': 'Spiegel is not installed in this Slack workspace. Ask an admin to add it again.',
      'database.unavailable': 'Spiegel cannot reach its database at the moment, so nothing was read or changed. Please try again later.',
      'platform.failed': 'Slack or Teams did not answer as expected, so this could not be finished. Please try again in a moment.',
      'member.unreachable': 'Spiegel cannot reach this person or conversation yet: it must have been used there once, or be added there.',
      'send.abandoned': 'Posting this was interrupted too often, so Spiegel gave up on it. What was saved stays saved.',
      'framework.busy': 'Several uploads of this framework arrived at the same moment. Nothing was changed: upload it again.',
    },
  },
  nl: {
    errors: {
      'job.failed': 'Een geplande taak kon niet worden uitgevoerd. Ze wordt nog enkele keren geprobeerd voor ze wordt opgegeven.',
      'config.invalid': 'De configuratie is niet geldig: {{detail}}',
      'usage.invalid': 'Die opdrachtregel is niet geldig. `--help` toont hoe je ze schrijft.',
      'appPackage.invalid': 'Het Teams-app-pakket is niet geldig: {{detail}}',
      'slack.notInstalled': 'Spiegel is niet geïnstalleerd in deze Slack-werkruimte. Vraag een beheerder om het opnieuw toe te voegen.',
      'database.unavailable':
        'Spiegel kan zijn database nu niet bereiken, dus er is niets gelezen of veranderd. Probeer het later opnieuw.',
      'platform.failed':
        'Slack of Teams antwoordde niet zoals verwacht, dus dit kon niet worden afgerond. Probeer het zo dadelijk opnieuw.',
      'member.unreachable':
        'Spiegel kan deze persoon of dit gesprek nog niet bereiken: Spiegel moet er eerst eens gebruikt of toegevoegd zijn.',
      'send.abandoned': 'Het plaatsen hiervan werd te vaak onderbroken, dus Spiegel heeft het opgegeven. Wat bewaard is, blijft bewaard.',
      'framework.busy': 'Er kwamen tegelijk meerdere uploads van dit kader binnen. Er is niets veranderd: upload het opnieuw.',
    },
  },
};
