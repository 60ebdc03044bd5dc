/** Failures of the system around the core (jobs, configuration, command line, app packages, installations). */
export const systemErrorMessages = {
  en: {
    errors: {
      'job.failed': 'A scheduled task could not be done. It is tried again a few times before it is given up.',
      'config.invalid': 'The configuration is not valid: {{detail}}',
      'usage.invalid': 'That command line is not valid. `--help` shows how to write it.',
      'appPackage.invalid': 'The Teams app package is not valid: {{detail}}',
      'slack.notInstalled': 'Spiegel is not installed in this Slack workspace. Ask an admin to add it again.',
    },
  },
  nl: {
    errors: {
      'job.failed': 'Een geplande taak kon niet worden uitgevoerd. Ze wordt nog enkele keren geprobeerd voor ze wordt opgegeven.',
      'config.invalid': 'De configuratie is niet geldig: {{detail}}',
      'usage.invalid': 'Die opdrachtregel is niet geldig. `--help` toont hoe je ze schrijft.',
      'appPackage.invalid': 'Het Teams-app-pakket is niet geldig: {{detail}}',
      'slack.notInstalled': 'Spiegel is niet geïnstalleerd in deze Slack-werkruimte. Vraag een beheerder om het opnieuw toe te voegen.',
    },
  },
};
