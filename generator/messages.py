"""Content errors and hints in the editor's language: Dutch by default, English on request.

Why a catalogue of whole sentences instead of message keys at every call site: the stages
(``yaml_source``, ``validate``, ``build``, ``rules``) keep writing one plain English sentence
per problem, which developers and tests read, and translation happens once, when a message is
shown. A sentence without a Dutch entry is shown in English rather than lost, and
``tests/test_messages.py`` fails for it, so adding a message means adding one line here.

Each entry maps an English template to a Dutch one. ``{name}`` matches any text; values of
the placeholders named in :data:`_WORD_FIELDS` are translated through :data:`WORDS` (a kind
such as ``theme`` becomes ``thema``); other values (ids, field names, quoted text) are kept.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

LANG_ENV = "TAALCOACH_LANG"
LANGUAGES = ("nl", "en")

# Kinds and type words that appear inside English sentences.
WORDS: dict[str, str] = {
    "module": "module", "theme": "thema", "method": "methode", "route": "leerroute", "role": "rol",
    "supplement": "aanvulling", "quiz": "quiz", "phase": "fase", "modules": "modules",
    "themes": "thema's", "methods": "methodes", "routes": "leerroutes", "roles": "rollen",
    "quizzes": "quizzen", "supplements": "aanvullingen", "material": "materiaal", "materials": "materialen",
    "route id": "id van een leerroute", "supplement id": "id van een aanvulling",
    "role id": "id van een rol", "phase id": "id van een fase", "chapter number": "hoofdstuknummer",
    "text": "tekst", "a whole number": "een heel getal", "a number": "een getal",
    "true or false": "true of false", "a list (lines starting with '- ')": "een lijst (regels die beginnen met '- ')",
    "a mapping (lines of 'key: value')": "een reeks velden (regels 'veld: waarde')",
    "a mapping": "een reeks velden", "a list": "een lijst", "nothing": "niets",
    "yes/no (true/false)": "ja/nee (true/false)", "nothing (null)": "niets (null)", "a date": "een datum",
    "a non-text value": "iets anders dan tekst", "image": "afbeelding",
}
_WORD_FIELDS = {"kind", "what", "type", "found", "value_kind", "kinds"}

# English template → Dutch template. Longest/most specific first where two could match.
CATALOGUE_NL: tuple[tuple[str, str], ...] = (
    # reading YAML (yaml_source.py)
    ("YAML syntax error: {problem}", "fout in de YAML-opmaak: {problem}"),
    ("check indentation (spaces, not tabs) and put text containing ': ' or '#' in quotes",
     "controleer het inspringen (spaties, geen tabs) en zet tekst met ': ' of '#' tussen aanhalingstekens"),
    ("YAML error: {problem}", "YAML-fout: {problem}"),
    ("check the file's syntax", "controleer de opmaak van het bestand"),
    ("file is not UTF-8 (byte {byte})", "het bestand is niet in UTF-8 opgeslagen (byte {byte})"),
    ("save the file as UTF-8 (in most editors: 'Save with encoding' → UTF-8)",
     "sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan met codering' → UTF-8)"),
    ("file is empty", "het bestand is leeg"),
    ("add content, or delete the file if it is not needed",
     "vul het bestand, of verwijder het als het niet nodig is"),
    ("a key cannot be a list or mapping", "een veldnaam kan geen lijst of reeks velden zijn"),
    ("use a plain word as key", "gebruik een gewoon woord als veldnaam"),
    ("duplicate key '{key}' (first at line {line})", "veld '{key}' staat er twee keer (eerst op regel {line})"),
    ("remove one of the two; YAML would silently keep only the last",
     "haal er één weg; anders telt ongemerkt alleen de laatste"),
    ("file is too large ({size} kB; at most {limit} kB)", "het bestand is te groot ({size} kB; hoogstens {limit} kB)"),
    ("split the content over several files", "verdeel de inhoud over meer bestanden"),
    ("YAML syntax error: a quote is opened here and never closed",
     "fout in de YAML-opmaak: hier begint een aanhalingsteken dat nergens wordt gesloten"),
    ("the file contains a control character ({code})", "het bestand bevat een onzichtbaar stuurteken ({code})"),
    ("delete the invisible character here (often pasted from a PDF or a word processor)",
     "haal het onzichtbare teken hier weg (vaak meegekopieerd uit een pdf of tekstverwerker)"),
    ("YAML error", "YAML-fout"),
    ("the file expands to more than {limit} values (aliases repeating aliases)",
     "het bestand groeit uit tot meer dan {limit} waarden (aliassen die aliassen herhalen)"),
    ("use fewer aliases (*name); content files rarely need them",
     "gebruik minder aliassen (*naam); inhoudsbestanden hebben ze zelden nodig"),
    ("the tag '{tag}' is not allowed", "de tag '{tag}' mag niet"),
    ("remove it; content files use plain YAML only", "haal hem weg; inhoudsbestanden gebruiken alleen gewone YAML"),
    ("an alias refers to the list or mapping it is part of",
     "een alias verwijst naar de lijst of reeks velden waar hij zelf in staat"),
    ("remove the alias (*name); it would repeat forever", "haal de alias (*naam) weg; die zou eindeloos herhalen"),
    ("'{value}' is not a whole number in decimal notation", "'{value}' is geen gewoon heel getal"),
    ("write the number with digits only, e.g. 90; put text in quotes",
     "schrijf het getal met alleen cijfers, bijvoorbeeld 90; zet tekst tussen aanhalingstekens"),
    ("'{value}' is not a number in decimal notation", "'{value}' is geen gewoon getal"),
    ("write the number with digits only, e.g. 1.5; put text in quotes",
     "schrijf het getal met alleen cijfers, bijvoorbeeld 1.5; zet tekst tussen aanhalingstekens"),
    ("'<<' merges a mapping, or a list of mappings", "'<<' voegt een reeks velden in, of een lijst daarvan"),
    ("point '<<' at an anchored mapping, e.g. '<<: *defaults'",
     "laat '<<' naar een reeks velden met een anker wijzen, bijvoorbeeld '<<: *standaard'"),
    ("'{where}' is {found}, a name the portal uses for its own pages",
     "'{where}' is {found}; die naam gebruikt het portaal zelf voor een pagina"),
    ("choose another id, e.g. add a word: 'index-2' or 'overzicht-themas'",
     "kies een ander id, bijvoorbeeld met een woord erbij: 'index-2' of 'overzicht-themas'"),
    ("this file is a link to a place outside the portal folder",
     "dit bestand is een koppeling naar een plek buiten de portaalmap"),
    ("copy the file into the portal folder instead of linking to it",
     "kopieer het bestand naar de portaalmap in plaats van ernaar te koppelen"),
    # the logo in site.yml (build.py)
    ("logo '{value}' is not a path inside docs/", "logo '{value}' is geen pad binnen docs/"),
    ("logo '{value}' is not a picture every browser shows",
     "logo '{value}' is geen afbeelding die elke browser toont"),
    ("use an .svg, .png, .jpg or .webp file", "gebruik een .svg-, .png-, .jpg- of .webp-bestand"),
    ("logo '{value}' has characters other than letters, digits, '-', '_', '.' and '/'",
     "logo '{value}' bevat andere tekens dan letters, cijfers, '-', '_', '.' en '/'"),
    ("rename the file, e.g. to img/logo.svg, and write that path",
     "geef het bestand een andere naam, bijvoorbeeld img/logo.svg, en schrijf dat pad"),
    ("there is no file docs/{path}", "het bestand docs/{path} bestaat niet"),
    ("put the image in docs/ (for example docs/img/logo.svg) and write 'logo: img/logo.svg'",
     "zet de afbeelding in docs/ (bijvoorbeeld docs/img/logo.svg) en schrijf 'logo: img/logo.svg'"),
    ("{what} from another host ({host}): the page would contact it",
     "{what} van een andere server ({host}): de pagina zou die server benaderen"),
    ("add '{host}' to 'allowed_hosts' in content/site.yml if your organisation wants this embed",
     "zet '{host}' bij 'allowed_hosts' in content/site.yml als jullie organisatie dit wil insluiten"),
    ("put the file in docs/ (e.g. docs/img/) and refer to it there",
     "zet het bestand in docs/ (bijvoorbeeld docs/img/) en verwijs daarnaar"),
    # stopping and writing (cli.py, mkdocs_plugin/run.py)
    ("stopped (Ctrl-C); the site was not changed", "gestopt (Ctrl-C); de site is niet veranderd"),
    ("stopped (SIGTERM); the site was not changed", "gestopt (SIGTERM); de site is niet veranderd"),
    ("another build is writing {target} right now; run this build again when it has finished",
     "er schrijft al een andere build naar {target}; start deze build opnieuw als die klaar is"),
    ("the disk is full, or a file is too large for it ({where}); nothing was changed in {target}",
     "de schijf is vol, of een bestand is te groot ({where}); er is niets veranderd in {target}"),
    ("cannot write to {where} (read-only or no permission); nothing was changed in {target}",
     "kan niet schrijven in {where} (alleen-lezen of geen toestemming); er is niets veranderd in {target}"),
    ("could not write the site ({problem}: {where}); nothing was changed in {target}",
     "kon de site niet schrijven ({problem}: {where}); er is niets veranderd in {target}"),
    # checking fields (validate.py)
    ("expected a mapping of fields at the top of the file, found {found}",
     "bovenaan het bestand horen velden te staan, maar er staat {found}"),
    ("start the file with lines like 'title: …'", "begin het bestand met regels zoals 'title: …'"),
    ("missing required field '{name}'", "verplicht veld '{name}' ontbreekt"),
    ("add a line '{name}: …' here", "voeg hier een regel '{name}: …' toe"),
    ("unknown field '{name}'", "onbekend veld '{name}'"),
    ("did you mean '{close}'? allowed here: {allowed}", "bedoel je '{close}'? hier mogen: {allowed}"),
    ("allowed here: {allowed}", "hier mogen: {allowed}"),
    ("remove it", "haal het weg"),
    ("'{where}' is {found}, which is not allowed", "'{where}' is {found}; dat mag hier niet"),
    ("use one of {expected}", "kies uit {expected}"),
    ("'{where}' is {found}, which is not a valid id", "'{where}' is {found}; dat is geen geldig id"),
    ("ids use lowercase letters, digits and hyphens only, e.g. 'naar-de-dokter'",
     "een id bestaat alleen uit kleine letters, cijfers en streepjes, bijvoorbeeld 'naar-de-dokter'"),
    ("'{where}' is empty", "'{where}' is leeg"),
    ("fill it in, or remove the field if it is optional", "vul het in, of haal het veld weg als het niet verplicht is"),
    ("'{where}' is {found}, but must be greater than or equal to {limit}",
     "'{where}' is {found}, maar moet minstens {limit} zijn"),
    ("'{where}' is {found}, but must be greater than {limit}",
     "'{where}' is {found}, maar moet groter zijn dan {limit}"),
    ("use a positive number", "gebruik een positief getal"),
    ("'{where}' should be {type}, not {found}", "'{where}' moet {type} zijn, niet {found}"),
    ("put the text in quotes", "zet de tekst tussen aanhalingstekens"),
    ("write {type} here, without quotes", "schrijf hier {type}, zonder aanhalingstekens"),
    ("write {type} here", "schrijf hier {type}"),
    ("see the editor guide for this kind of question", "zie de handleiding voor redacteuren bij dit soort vraag"),
    ("see the editor guide", "zie de handleiding voor redacteuren"),
    ("a '{type}' question needs at least 2 options", "een vraag van het type '{type}' heeft minstens 2 opties nodig"),
    ("a 'single' question needs exactly 1 option with 'correct: true' (has {count})",
     "een vraag van het type 'single' heeft precies 1 optie met 'correct: true' nodig (nu {count})"),
    ("a 'multiple' question needs at least 1 option with 'correct: true'",
     "een vraag van het type 'multiple' heeft minstens 1 optie met 'correct: true' nodig"),
    ("a '{type}' question has no 'options'", "een vraag van het type '{type}' heeft geen 'options'"),
    ("a 'truefalse' question needs 'answer: true' or 'answer: false'",
     "een vraag van het type 'truefalse' heeft 'answer: true' of 'answer: false' nodig"),
    ("an 'open' question needs a 'model_answer'", "een open vraag heeft een 'model_answer' nodig"),
    ("'{where}': {problem}", "'{where}': {problem}"),
    # field kinds: addresses, e-mail, labels, keys (kinds.py, labels.py, yaml_source.py)
    ("'{where}' is {found}, which is not an allowed address", "'{where}' is {found}; dat adres mag hier niet"),
    ("an address may not contain spaces or control characters",
     "een adres mag geen spaties of stuurtekens bevatten"),
    ("an address must say its scheme (https://…), not start with '//'",
     "een adres begint met https:// (of http://), niet met '//'"),
    ("the part before ':' is not a valid scheme", "het deel voor ':' is geen geldig soort adres"),
    ("addresses starting with '{scheme}:' are not allowed; use https://, http://, mailto:, tel: or a relative path",
     "adressen die met '{scheme}:' beginnen mogen niet; gebruik https://, http://, mailto:, tel: of een relatief pad"),
    ("'{scheme}:' needs a host, e.g. {example}", "na '{scheme}:' hoort een domeinnaam, bijvoorbeeld {example}"),
    ("'{where}' is {found}, which is not an e-mail address", "'{where}' is {found}; dat is geen e-mailadres"),
    ("write it like naam@organisatie.nl", "schrijf het als naam@organisatie.nl"),
    ("unknown label '{key}'", "onbekend label '{key}'"),
    ("see generator/labels.yml for the labels", "de labels staan in generator/labels.yml"),
    ("label '{key}' has an unmatched brace", "label '{key}' heeft een accolade zonder partner"),
    ("label '{key}' uses '{text}', which is not a plain placeholder",
     "label '{key}' gebruikt '{text}'; dat is geen gewone invulplek"),
    ("label '{key}' uses unknown placeholder '{name}'", "label '{key}' gebruikt de onbekende invulplek '{name}'"),
    ("this label has no placeholders; leave out the braces",
     "dit label heeft geen invulplekken; laat de accolades weg"),
    ("this label knows {names}", "dit label kent {names}"),
    ("label '{key}' is set but '{other}' is not", "label '{key}' is ingevuld, maar '{other}' niet"),
    ("set all three: volunteer (one), volunteers (plural) and volunteer_article (de or het)",
     "vul alle drie in: volunteer (enkelvoud), volunteers (meervoud) en volunteer_article (de of het)"),
    ("key '{key}' is read as {type}, not as text", "veldnaam '{key}' wordt gelezen als {type}, niet als tekst"),
    ("put the key in quotes: '{quoted}: …'", "zet de veldnaam tussen aanhalingstekens: '{quoted}: …'"),
    # files and references (build.py)
    ("file is missing", "het bestand ontbreekt"),
    ("create {file}; `{command} new DIR` makes a complete example",
     "maak {file} aan; `{command} new MAP` maakt een volledig voorbeeld"),
    ("file name '{name}' is not a valid id and the file has no 'id'",
     "de bestandsnaam '{name}' is geen geldig id en het bestand heeft geen 'id'"),
    ("rename the file to lowercase-with-hyphens.yml, or add 'id: …'",
     "hernoem het bestand naar kleine-letters-met-streepjes.yml, of voeg 'id: …' toe"),
    ("duplicate id '{id}' (also used in {file})", "id '{id}' wordt twee keer gebruikt (ook in {file})"),
    ("every id must be unique; rename one of them", "elk id moet uniek zijn; geef er één een andere naam"),
    ("unknown {kind} '{value}'", "onbekende {kind} '{value}'"),
    ("unknown theme '{value}'", "onbekend thema '{value}'"),  # het thema
    ("did you mean '{close}'?", "bedoel je '{close}'?"),
    ("known: {known}", "bekend: {known}"),
    ("there are no {kinds} yet", "er zijn nog geen {kinds}"),
    ("duplicate {what} '{value}'", "dubbel {what} '{value}'"),
    ("every {what} must be unique", "elk {what} moet uniek zijn"),
    ("module '{module}' already has a quiz ({file})", "module '{module}' heeft al een quiz ({file})"),
    # search synonyms (content/zoekwoorden.yml, build.py)
    ("synonym group {n} has only {count} word", "synoniemengroep {n} heeft maar {count} woord"),
    ("a group lists at least two words that should find each other, e.g. [dokter, huisarts]",
     "zet in een groep minstens twee woorden die elkaar moeten vinden, bijvoorbeeld [dokter, huisarts]"),
    ("'{entry}' has no word the search can use", "in '{entry}' staat geen woord waarop gezocht kan worden"),
    ("use a word with meaning, not only words like 'de', 'het' or 'een'",
     "gebruik een woord met betekenis, niet alleen woorden als 'de', 'het' of 'een'"),
    ("'{entry}' is already in synonym group {n}", "'{entry}' staat al in synoniemengroep {n}"),
    ("put every word in one group only; merge the two groups",
     "zet elk woord in maar één groep; voeg de twee groepen samen"),
    ("a module has one quiz; merge the questions into one file",
     "een module heeft één quiz; zet de vragen samen in één bestand"),
    # layers (layers.py)
    ("'{id}' is hidden by 'verbergen' in {file}", "'{id}' is verborgen met 'verbergen' in {file}"),
    ("remove '{id}' from 'verbergen', or stop referring to it",
     "haal '{id}' weg uit 'verbergen', of verwijs er niet meer naar"),
    ("unknown {kind} '{value}' in 'verbergen'", "onbekende {kind} '{value}' in 'verbergen'"),
    ("unknown base layer '{name}'", "onbekende basislaag '{name}'"),
    ("available: {names}", "beschikbaar: {names}"),
    # content rules (rules.py)
    ("the activities take {total} of the module's {duration} minutes: no time is left to explain the sections "
     "and discuss them",
     "de activiteiten duren {total} van de {duration} minuten van de module: er blijft geen tijd over om de "
     "onderdelen uit te leggen en te bespreken"),
    ("make 'duration' longer or shorten an activity's 'minutes'",
     "maak 'duration' langer of kort de 'minutes' van een activiteit in"),
    # trainings and materials (build.py, model.py)
    ("module '{module}' is planned twice in this training (also in meeting {n})",
     "module '{module}' staat twee keer in deze training (ook in bijeenkomst {n})"),
    ("plan every module once; remove one of them", "plan elke module één keer; haal er één weg"),
    ("meeting {n} '{title}': the parts add up to {total} minutes, more than its length of {length} minutes",
     "bijeenkomst {n} '{title}': de onderdelen duren samen {total} minuten, langer dan de {length} minuten "
     "van de bijeenkomst"),
    ("meeting {n} '{title}': the parts add up to {total} minutes, less than its length of {length} minutes",
     "bijeenkomst {n} '{title}': de onderdelen duren samen {total} minuten, korter dan de {length} minuten "
     "van de bijeenkomst"),
    ("change a block's 'minutes', a module's 'duration' or the meeting's 'length' so that they add up to the minute",
     "pas de 'minutes' van een blok, de 'duration' van een module of de 'length' van de bijeenkomst aan, "
     "zodat alles op de minuut klopt"),
    ("module '{id}' ({duration} minutes) fits in no meeting: the longest meeting lasts {longest} minutes",
     "module '{id}' ({duration} minuten) past in geen enkele bijeenkomst: de langste bijeenkomst duurt "
     "{longest} minuten"),
    ("shorten the module or split it, and plan it in a meeting in content/trainingen/",
     "maak de module korter of splits hem, en plan hem in een bijeenkomst in content/trainingen/"),
    ("training '{training}' of the default content is left out: it plans module '{module}', which 'verbergen' hides",
     "training '{training}' uit de standaardinhoud valt weg: die plant module '{module}', en die is verborgen "
     "met 'verbergen'"),
    ("add your own content/trainingen/{id}.yml (the same id replaces the default programme) to keep a programme "
     "like it",
     "maak een eigen content/trainingen/{id}.yml (hetzelfde id vervangt het standaardprogramma) als je zo'n "
     "programma wilt houden"),
    ("module '{id}' is planned in no training", "module '{id}' staat in geen enkele training"),
    ("add '- module: {id}' to a meeting in content/trainingen/",
     "zet '- module: {id}' bij een bijeenkomst in content/trainingen/"),
    ("a part is either '- module: <id>' or '- block: <welkom|pauze|quiz|evaluatie|afsluiting>'",
     "een onderdeel is '- module: <id>' of '- block: <welkom|pauze|quiz|evaluatie|afsluiting>'"),
    ("the block '{block}' needs 'minutes'", "het blok '{block}' heeft 'minutes' nodig"),
    ("a module takes its minutes from its 'duration'; leave out 'minutes' here",
     "een module duurt zo lang als zijn 'duration'; laat 'minutes' hier weg"),
    ("only an 'open' question has writing 'lines'", "alleen een open vraag heeft schrijfregels ('lines')"),
    ("a 'choice' field needs at least 2 'options'", "een veld van het type 'choice' heeft minstens 2 'options' nodig"),
    ("a 'table' field needs 'columns'", "een veld van het type 'table' heeft 'columns' nodig"),
    ("a 'kaartjes' material needs 'cards'", "materiaal van de soort 'kaartjes' heeft 'cards' nodig"),
    ("a 'formulier' material needs 'sections' with fields",
     "materiaal van de soort 'formulier' heeft 'sections' met velden nodig"),
    ("a 'werkblad' material needs a 'body' or 'sections'",
     "materiaal van de soort 'werkblad' heeft een 'body' of 'sections' nodig"),
    ("a 'video' material needs a 'url' starting with https://",
     "materiaal van de soort 'video' heeft een 'url' nodig die begint met https://"),
    ("a 'video' material needs the 'video_title'", "materiaal van de soort 'video' heeft de 'video_title' nodig"),
    ("only a 'kaartjes' material has 'cards'", "alleen materiaal van de soort 'kaartjes' heeft 'cards'"),
    ("module '{id}' has no quiz", "module '{id}' heeft geen quiz"),
    ("add quizzes/{id}.yml with 'module: {id}'", "maak quizzes/{id}.yml met 'module: {id}'"),
    ("theme '{id}' is not used by any shown chapter, module or route",
     "thema '{id}' wordt door geen enkel getoond hoofdstuk, module of leerroute gebruikt"),
    ("name it in a chapter's 'themes', a module's 'themes' or a route's 'themes', or delete the file",
     "noem het bij 'themes' van een hoofdstuk, een module of een leerroute, of verwijder het bestand"),
    ("theme '{id}' has {level} questions but 'levels' does not list {level}",
     "thema '{id}' heeft vragen voor {level}, maar {level} staat niet bij 'levels'"),
    ("role play '{title}' is for {level}, but 'levels' does not list {level}",
     "rollenspel '{title}' is voor {level}, maar {level} staat niet bij 'levels'"),
    ("add the level to 'levels', or move or remove the material",
     "zet het niveau bij 'levels', of verplaats of verwijder het materiaal"),
    ("in {count} of {total} single-choice questions of quiz '{id}' the right answer is shown as option {n}",
     "in {count} van de {total} meerkeuzevragen van quiz '{id}' staat het goede antwoord als optie {n}"),
    ("in {count} of {total} true/false statements of quiz '{id}' the answer is '{answer}'",
     "in {count} van de {total} stellingen van quiz '{id}' is het antwoord '{answer}'"),
    ("remove 'keep_order: true' where the order does not matter, or reorder those options",
     "haal 'keep_order: true' weg waar de volgorde niet uitmaakt, of zet die opties anders"),
    ("make some statements true and some false", "maak sommige stellingen waar en andere niet waar"),
    # model.py validators
    ("'{word}' has 'plural: true' but article '{article}'", "'{word}' heeft 'plural: true' maar lidwoord '{article}'"),
    ("a plural noun always takes 'de': write 'article: de'",
     "een zelfstandig naamwoord in het meervoud krijgt altijd 'de': schrijf 'article: de'"),
    # command-line problems (UserError)
    ("{dir} already has {names}; choose an empty folder (nothing was changed — hand-written files are "
     "never overwritten)",
     "{dir} bevat al {names}; kies een lege map (er is niets veranderd — eigen bestanden worden nooit "
     "overschreven)"),
    ("{site} has no built site; run `python -m generator build` first",
     "{site} bevat geen gemaakte website; typ eerst `python -m generator build` (of `make site`)"),
    ("{file} not found — run this in a portal folder or pass --portal DIR (`python -m generator new DIR` "
     "creates one)",
     "{file} niet gevonden — doe dit in de map van een portaal of geef --portal MAP op "
     "(`python -m generator new MAP` maakt er een)"),
    # reports (cli.py, errors.py)
    ("{count} error in the content; nothing was built.", "{count} fout in de inhoud; er is niets gebouwd."),
    ("{count} errors in the content; nothing was built.", "{count} fouten in de inhoud; er is niets gebouwd."),
    ("{count} warning", "{count} waarschuwing"),
    ("{count} warnings", "{count} waarschuwingen"),
    ("warning", "waarschuwing"),
    ("in base layer '{name}'", "in basislaag '{name}'"),
)


def language(explicit: str | None = None) -> str:
    """The language to show messages in: ``--lang``, else ``TAALCOACH_LANG``, else Dutch."""
    lang = (explicit or os.environ.get(LANG_ENV) or "nl").lower()[:2]
    return lang if lang in LANGUAGES else "nl"


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled = []
    for english, dutch in CATALOGUE_NL:
        parts = re.split(r"\{(\w+)\}", english)
        seen: set[str] = set()
        pattern = ""
        for i, part in enumerate(parts):
            if i % 2 == 0:
                pattern += re.escape(part)
            else:  # a placeholder used twice must match the same text twice
                pattern += f"(?P={part})" if part in seen else f"(?P<{part}>.+?)"
                seen.add(part)
        literal = sum(len(part) for part in parts[::2])
        compiled.append((literal, re.compile(pattern + r"\Z", re.DOTALL), dutch))
    # The template with the most fixed text is the most specific: "unknown {kind} '{value}' in
    # 'verbergen'" must win over "unknown {kind} '{value}'", whatever the catalogue order.
    compiled.sort(key=lambda entry: -entry[0])
    return tuple((pattern, dutch) for _, pattern, dutch in compiled)


def translate(text: str, lang: str | None = None) -> str:
    """``text`` in ``lang``; unchanged for English or when the catalogue has no entry."""
    if language(lang) == "en" or not text:
        return text
    for pattern, dutch in _compiled():
        match = pattern.match(text)
        if match:
            values = {name: WORDS.get(value, value) if name in _WORD_FIELDS else value
                      for name, value in match.groupdict().items()}
            if "expected" in values:  # pydantic lists choices as "'de' or 'het'"
                values["expected"] = values["expected"].replace("' or '", "' of '")
            return dutch.format(**values)
    return text


def has_translation(text: str) -> bool:
    """True when the catalogue knows this sentence (tests use it to find missing entries)."""
    return any(pattern.match(text) for pattern, _ in _compiled())
