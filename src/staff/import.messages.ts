/** Every word the IATI upload form and its result page show, in Swedish and English. */
export const I = {
  title: { sv: 'Importera en IATI-fil', en: 'Import an IATI file' },
  resultTitle: { sv: 'Resultat av importen', en: 'Import result' },
  dryRunResultTitle: { sv: 'Resultat av provkörningen', en: 'Dry run result' },
  intro: {
    sv: 'Läser en aktivitetsfil i IATI 2.01–2.03 (XML) från vilken utgivare som helst, högst {limit}, och lägger in eller uppdaterar aktiviteterna efter deras IATI-identifierare. Samma fil två gånger ändrar ingenting.',
    en: 'Reads an IATI 2.01–2.03 activities file (XML) from any publisher, at most {limit}, and adds or updates the activities by their IATI identifier. The same file twice changes nothing.',
  },
  publishes: {
    sv: 'En import publicerar det den importerar: aktiviteterna syns på den publika webbplatsen och i de öppna data direkt, utan granskning. Därför krävs rollen granskare.',
    en: 'An import publishes what it imports: the activities appear on the public website and in the open data at once, without review. That is why it needs the reviewer role.',
  },
  workingCopies: {
    sv: 'En aktivitet med opublicerade ändringar behåller sin arbetskopia; publiceras den senare skriver den över det som importen ändrade i samma fält.',
    en: 'An activity with unpublished changes keeps its working copy; publishing it later overwrites what the import changed in the same fields.',
  },
  severities: {
    sv: 'Ett kritiskt problem (inte XML, inte IATI, en version som inte stöds, en DOCTYPE eller annat riskabelt innehåll, en gräns som överskrids) gör att hela filen avvisas och ingenting sparas. Ett fel hoppar över den aktiviteten; en varning importerar den och flaggar den.',
    en: 'A critical problem (not XML, not IATI, an unsupported version, a DOCTYPE or other hostile content, a limit exceeded) refuses the whole file and nothing is written. An error skips that activity; a warning imports it and flags it.',
  },
  jsonNote: {
    sv: 'Samverkas eget JSON-format importeras med kommandot samverka import FIL.json.',
    en: "Samverka's own JSON format is imported with the command samverka import FILE.json.",
  },
  fileLabel: { sv: 'IATI-fil (XML, högst {limit})', en: 'IATI file (XML, at most {limit})' },
  dryRunLabel: { sv: 'Provkörning: kontrollera filen och visa vad som skulle ändras, men spara ingenting', en: 'Dry run: check the file and show what would change, but write nothing' },
  submit: { sv: 'Läs in filen', en: 'Read the file' },
  submitReal: { sv: 'Importera på riktigt', en: 'Import for real' },
  runForReal: { sv: 'Importera samma fil på riktigt', en: 'Import the same file for real' },
  pickAgain: {
    sv: 'Webbläsaren skickar inte filen en gång till av sig själv: välj samma fil igen.',
    en: 'The browser does not send the file again by itself: choose the same file again.',
  },
  anotherFile: { sv: 'Läs in en annan fil', en: 'Read another file' },

  // Errors beside the field
  errorSummary: { sv: 'Filen kunde inte läsas in', en: 'The file could not be read' },
  noFile: { sv: 'Välj en fil att läsa in.', en: 'Choose a file to read.' },
  tooLarge: {
    sv: 'Filen är större än {limit}, som är gränsen. Ingenting har sparats.',
    en: 'The file is larger than {limit}, the limit. Nothing was written.',
  },
  jsonFile: {
    sv: 'Det här är en JSON-fil. Formuläret läser IATI-filer i XML; Samverkas JSON-format importeras med kommandot samverka import FIL.json. Ingenting har sparats.',
    en: "This is a JSON file. The form reads IATI files in XML; Samverka's JSON format is imported with the command samverka import FILE.json. Nothing was written.",
  },
  notXml: {
    sv: 'Filen är inte en XML-fil (den börjar inte med <). Välj en IATI-aktivitetsfil i XML. Ingenting har sparats.',
    en: 'The file is not an XML file (it does not start with <). Choose an IATI activities file in XML. Nothing was written.',
  },
  badForm: {
    sv: 'Formuläret kom inte fram som det skulle (skicka det som multipart/form-data med en enda fil). Ladda om sidan och försök igen.',
    en: 'The form did not arrive as it should (send it as multipart/form-data with one file). Reload the page and try again.',
  },
  errorLabel: { sv: 'Fel:', en: 'Error:' },

  // Result
  fileName: { sv: 'Fil', en: 'File' },
  size: { sv: 'Storlek', en: 'Size' },
  refused: { sv: 'Filen avvisades och ingenting har sparats.', en: 'The file was refused and nothing was written.' },
  refusedReason: { sv: 'Orsak', en: 'Reason' },
  dryRunDone: { sv: 'Provkörning: ingenting har sparats. Så här skulle importen ha blivit:', en: 'Dry run: nothing was written. This is what the import would have done:' },
  importDone: { sv: 'Importen är klar och sparad.', en: 'The import is done and written.' },
  summaryTitle: { sv: 'Sammanfattning', en: 'Summary' },
  activities: { sv: 'Aktiviteter', en: 'Activities' },
  organisations: { sv: 'Organisationer', en: 'Organisations' },
  created: { sv: 'nya', en: 'created' },
  updated: { sv: 'ändrade', en: 'updated' },
  unchanged: { sv: 'oförändrade', en: 'unchanged' },
  skipped: { sv: 'överhoppade', en: 'skipped' },
  errors: { sv: 'Fel', en: 'Errors' },
  warnings: { sv: 'Varningar', en: 'Warnings' },
  notImportedTitle: { sv: 'Inte importerat', en: 'Not imported' },
  notImportedIntro: {
    sv: 'Aktiviteterna i filen har också uppgifter som registret saknar fält för. De har inte importerats och finns kvar bara i filen:',
    en: 'The activities in the file also have data the registry has no field for. It was not imported and stays in the file only:',
  },
  notImportedWhat: { sv: 'IATI-element', en: 'IATI element' },
  notImportedActivities: { sv: 'Aktiviteter som har det', en: 'Activities that have it' },
  reportedElsewhereTitle: { sv: 'Rapporteras av andra', en: 'Reported by others' },
  reportedElsewhereIntro: {
    sv: 'De här organisationerna publicerar själva aktiviteterna i IATI. Aktiviteterna visas i portalen, men vår IATI-fil tar inte med dem:',
    en: 'These organisations publish the activities in IATI themselves. The activities are shown on the portal, but our IATI file leaves them out:',
  },
  reportedElsewhereOrganisation: { sv: 'Organisation', en: 'Organisation' },
  reportedElsewhereActivities: { sv: 'Aktiviteter', en: 'Activities' },
  problemsTitle: { sv: 'Problem per aktivitet', en: 'Problems by activity' },
  noProblems: { sv: 'Inga fel eller varningar.', en: 'No errors or warnings.' },
  severity: { sv: 'Allvarlighet', en: 'Severity' },
  activity: { sv: 'Aktivitet (IATI-identifierare)', en: 'Activity (IATI identifier)' },
  problem: { sv: 'Problem', en: 'Problem' },
  error: { sv: 'fel', en: 'error' },
  warning: { sv: 'varning', en: 'warning' },
  noIdentifier: { sv: '(ingen identifierare)', en: '(no identifier)' },
  shownOf: {
    sv: 'De första {shown} av {total} problemen visas. Kommandot samverka import FIL.xml --dry-run listar alla.',
    en: 'The first {shown} of {total} problems are shown. The command samverka import FILE.xml --dry-run lists them all.',
  },
} as const;
