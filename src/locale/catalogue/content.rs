//! Messages about the site's files: reading them, their front matter, dates, site.yaml.

catalogue! {
    /// Problems in the content files and the site settings.
    Content {
        // Reading files.
        CannotReadFolder: "cannot read: {error}", "nie można odczytać: {error}";
        CannotReadFolderHint: "check that the folder exists and is readable", "sprawdź, czy folder istnieje i czy można go odczytać";
        SymlinkNotFollowed: "symbolic links are not followed", "dowiązania symboliczne są pomijane";
        SymlinkHint: "copy the file into the site folder instead of linking to it", "skopiuj plik do folderu strony zamiast tworzyć do niego dowiązanie";
        NotRegular: "it is not a regular file but {kind}", "to nie jest zwykły plik, tylko {kind}";
        KindFifo: "a named pipe (FIFO)", "potok nazwany (FIFO)";
        KindSocket: "a socket", "gniazdo (socket)";
        KindDevice: "a device", "urządzenie";
        KindFolder: "a folder", "folder";
        KindSymlink: "a symbolic link", "dowiązanie symboliczne";
        KindFile: "a file", "plik";
        KindSpecial: "a special file", "plik specjalny";
        NotRegularHint: "replace it with an ordinary file, or move it out of the site folder", "zastąp go zwykłym plikiem albo przenieś poza folder strony";
        TooLarge: "the file is too large: {size} MB (the limit is {limit} MB)", "plik jest za duży: {size} MB (limit to {limit} MB)";
        TooLargeHint: "make the file smaller, or split it", "zmniejsz plik albo podziel go na części";
        TooLargeTextHint: "split the text into several posts or pages, and publish long documents as attachments (PDF)",
            "podziel tekst na kilka wpisów lub stron, a długie dokumenty opublikuj jako załączniki (PDF)";
        CannotReadFile: "cannot read the file: {error}", "nie można odczytać pliku: {error}";
        CannotReadFileHint: "check that the file exists and is readable", "sprawdź, czy plik istnieje i czy można go odczytać";
        NotUtf8: "the file is not valid UTF-8 text", "plik nie jest poprawnym tekstem UTF-8";
        NotUtf8Hint: "save the file with UTF-8 encoding (in most editors: Save as… → Encoding: UTF-8)",
            "zapisz plik w kodowaniu UTF-8 (w większości edytorów: Zapisz jako… → Kodowanie: UTF-8)";
        EmptyFile: "the file is empty", "plik jest pusty";
        EmptyFileHint: "add front matter with at least `title:` (and `date:` for posts), or delete the file",
            "dodaj nagłówek z co najmniej `title:` (a we wpisach także `date:`) albo usuń plik";

        // Front matter.
        NoFrontMatter: "the file does not start with front matter", "plik nie zaczyna się od nagłówka (front matter)";
        NoFrontMatterHint: "begin the file with a line `---`, then `title:` and `date:`, then another `---`",
            "zacznij plik od wiersza `---`, potem `title:` i `date:`, potem znów `---`";
        FrontMatterNotClosed: "the front matter is not closed", "nagłówek (front matter) nie jest zamknięty";
        FrontMatterNotClosedHint: "add a line `---` after the last front matter field, before the text",
            "dodaj wiersz `---` po ostatnim polu nagłówka, przed tekstem";
        NotAMapping: "the front matter is not a list of `key: value` fields", "nagłówek nie jest listą pól `klucz: wartość`";
        NotAMappingHint: "write one field per line, e.g. `title: Dzień Seniora`", "pisz jedno pole w wierszu, np. `title: Dzień Seniora`";
        KeyNotText: "a front matter key is not text", "klucz w nagłówku nie jest tekstem";
        KeyNotTextHint: "keys are words such as `title` or `date`", "klucze to słowa takie jak `title` czy `date`";
        UnknownField: "unknown field `{key}`", "nieznane pole `{key}`";
        DidYouMeanExtra: "did you mean `{close}`? Site-specific data goes under `extra:`", "czy chodziło o `{close}`? Własne dane strony wpisuj pod `extra:`";
        KnownFieldsExtra: "known fields are: {known}; site-specific data goes under `extra:`", "znane pola to: {known}; własne dane strony wpisuj pod `extra:`";
        DidYouMean: "did you mean `{close}`?", "czy chodziło o `{close}`?";
        KnownFieldsHere: "known fields here are: {known}", "znane pola w tym miejscu to: {known}";
        InvalidFrontMatter: "invalid front matter: {detail}", "błędny nagłówek: {detail}";
        NowNotADate: "{var}=`{value}` is not a date: {hint}", "{var}=`{value}` to nie jest data: {hint}";
        VideoExpected: "a video (`title:` with `src:` and `captions:`, or with `youtube:`) or a list of videos",
            "film (`title:` z `src:` i `captions:` albo z `youtube:`) lub lista filmów";
        // What the YAML reader found and expected, in words that never quote the value.
        YamlInvalidType: "invalid type: {found}, expected {expected}", "niewłaściwy rodzaj wartości: {found}, a powinna być {expected}";
        YamlInvalidValue: "invalid value: {found}, expected {expected}", "niewłaściwa wartość: {found}, a powinna być {expected}";
        YamlUnknownValue: "unknown value, expected {expected}", "nieznana wartość, a powinna być {expected}";
        YamlText: "text", "tekst";
        YamlNumber: "a number", "liczba";
        YamlBool: "true or false", "true albo false";
        YamlList: "a list", "lista";
        YamlMapping: "fields `key: value`", "pola `klucz: wartość`";
        YamlEmpty: "an empty value", "pusta wartość";
        YamlValue: "a value", "wartość";
        YamlOneOf: "one of: {values}", "jedna z: {values}";
        IndentWithSpaces: "indent with spaces, not tabs", "wcinaj spacjami, nie tabulatorami";
        FieldOnce: "each field may appear only once", "każde pole może wystąpić tylko raz";
        TooNested: "the front matter is too deeply nested or repeats aliases too often; write the values out",
            "nagłówek jest zbyt głęboko zagnieżdżony albo zbyt często powtarza aliasy; wypisz wartości wprost";
        CheckYaml: "check the YAML syntax: `key: value`, lists as `[a, b]` or `- item` lines, quote text containing `: ` or `#`",
            "sprawdź składnię YAML: `klucz: wartość`, listy jako `[a, b]` albo wiersze `- element`, tekst zawierający `: ` lub `#` ujmij w cudzysłów";

        // Dates.
        DateAs: "write dates as YYYY-MM-DD: `{date}`", "daty pisz jako RRRR-MM-DD: `{date}`";
        DateForm: "write dates as YYYY-MM-DD, e.g. `2026-11-24`, optionally with a time: `2026-11-24 10:30`",
            "daty pisz jako RRRR-MM-DD, np. `2026-11-24`, ewentualnie z godziną: `2026-11-24 10:30`";
        InvalidDate: "`{value}` is not a valid date", "`{value}` to nie jest poprawna data";
        NoSuchDay: "there is no such day in the calendar: that month has {days} days",
            "nie ma takiego dnia w kalendarzu: ten miesiąc ma {days} dni";

        // site.yaml.
        SettingsMissing: "the site settings file is missing", "brak pliku ustawień strony";
        SettingsMissingHint: "run tablica in the site's folder (the one containing content/), pass --root, or create a site with `tablica new`",
            "uruchom tablicę w folderze strony (tym, który zawiera content/), podaj --root albo załóż stronę poleceniem `tablica new`";
        NoTitle: "the site has no title", "strona nie ma tytułu";
        NoTitleHint: "add e.g. `title: Miejski Ośrodek Pomocy Społecznej w Przykładowie`", "dodaj np. `title: Miejski Ośrodek Pomocy Społecznej w Przykładowie`";
        BaseUrlNotAbsolute: "`base_url` is not an absolute http(s) address", "`base_url` nie jest pełnym adresem http(s)";
        BaseUrlFull: "write the full address, e.g. `https://mops.example.org/`", "wpisz pełny adres, np. `https://mops.example.org/`";
        BaseUrlScheme: "start it with https://, e.g. `https://mops.example.org/`", "zacznij go od https://, np. `https://mops.example.org/`";
        NoBaseUrl: "the site has no `base_url`", "strona nie ma `base_url`";
        NoBaseUrlHint: "add the address the site will be published at, e.g. `base_url: https://mops.example.org/`",
            "dodaj adres, pod którym strona zostanie opublikowana, np. `base_url: https://mops.example.org/`";
        ExampleBaseUrl: "`base_url` still points at the example domain `{host}`: links in feeds, the sitemap and shared posts would lead there",
            "`base_url` wciąż wskazuje przykładową domenę `{host}`: prowadziłyby tam odnośniki w kanałach, mapie strony i udostępnianych wpisach";
        ExampleBaseUrlHint: "write the address the site will be published at, e.g. `base_url: https://mops.przykladowo.pl/` (every build warns until then)",
            "wpisz adres, pod którym strona zostanie opublikowana, np. `base_url: https://mops.przykladowo.pl/` (do tego czasu ostrzega każde budowanie)";
        BadPathName: "`{name}` is not a valid URL path name", "`{name}` to nie jest poprawna nazwa w adresie";
        SlugForm: "use lowercase letters without diacritics, digits and hyphens, e.g. `{example}`",
            "używaj małych liter bez polskich znaków, cyfr i łączników, np. `{example}`";
        SamePath: "two sections use the path `{name}`", "dwie sekcje używają ścieżki `{name}`";
        SamePathHint: "give every section its own path name", "nadaj każdej sekcji własną nazwę ścieżki";
        PostsPerPage: "`posts_per_page` must be at least 1", "`posts_per_page` musi wynosić co najmniej 1";
        ExternalTimeout: "the time for another site to answer must be from 1 to {max} seconds", "czas na odpowiedź innego serwisu musi wynosić od 1 do {max} sekund";
        UnknownTimezone: "unknown time zone", "nieznana strefa czasowa";
        UnknownTimezoneHint: "use a name from the tz database, e.g. `Europe/Warsaw`", "użyj nazwy z bazy tz, np. `Europe/Warsaw`";
        ThemeName: "the theme name must be a plain folder name", "nazwa motywu musi być zwykłą nazwą folderu";
        ThemeNameHint: "e.g. `theme: default`", "np. `theme: default`";
        NotEmbedHost: "`{entry}` is not a host name frames may load from", "`{entry}` to nie jest nazwa hosta, z którego mogą się ładować ramki";
        EmbedNoScheme: "write the host name without `https://`, e.g. `www.youtube-nocookie.com`", "wpisz nazwę hosta bez `https://`, np. `www.youtube-nocookie.com`";
        EmbedHostForm: "a host name is letters, digits, hyphens and dots, e.g. `player.vimeo.com`", "nazwa hosta to litery, cyfry, łączniki i kropki, np. `player.vimeo.com`";
        EmbedPath: "after the host name only a plain path may follow, e.g. `www.google.com/maps/embed`", "po nazwie hosta może być tylko zwykła ścieżka, np. `www.google.com/maps/embed`";
        MenuAddress: "the menu item `{title}` has an address that is not allowed: `{url}`", "pozycja menu `{title}` ma niedozwolony adres: `{url}`";
        MenuAddressHint: "use a path on this site (`/aktualnosci/`) or an http(s), mailto: or tel: address",
            "użyj ścieżki na tej stronie (`/aktualnosci/`) albo adresu http(s), mailto: lub tel:";
        UnknownShortcut: "unknown shortcut action `{action}`", "nieznana akcja skrótu `{action}`";
        UseOneOf: "use one of: {list}", "użyj jednej z: {list}";
        NotKeyCombination: "`{keys}` is not a key combination", "`{keys}` to nie jest kombinacja klawiszy";
        NotKeyCombinationHint: "write modifiers and one key joined with +, e.g. `Alt+Shift+1`", "wpisz modyfikatory i jeden klawisz połączone znakiem +, np. `Alt+Shift+1`";
        StatementEmpty: "the accessibility statement has not been filled in", "deklaracja dostępności nie została wypełniona";
        StatementEmptyHint: "public bodies must publish a complete statement: fill in `accessibility.statement` in site.yaml (dates, status, what is not accessible, contact person, the building); docs/pl/07-deklaracja-dostepnosci.md shows every item",
            "podmioty publiczne muszą opublikować pełną deklarację: wypełnij `accessibility.statement` w site.yaml (daty, status, co jest niedostępne, osoba do kontaktu, budynek); każdy punkt opisuje docs/pl/07-deklaracja-dostepnosci.md";
        StatementItemEmpty: "the accessibility statement is incomplete: a required item is empty", "deklaracja dostępności jest niepełna: brak wymaganego punktu";
        StatementPublishedHint: "write the date the site was first published, e.g. `published: 2024-03-01`", "wpisz datę pierwszej publikacji strony, np. `published: 2024-03-01`";
        StatementPreparedHint: "write the date the statement was prepared, e.g. `prepared: 2024-03-01`", "wpisz datę sporządzenia deklaracji, np. `prepared: 2024-03-01`";
        StatementContactHint: "name the person who answers accessibility requests under `contact:` → `name:`", "podaj osobę, która odpowiada na zgłoszenia w sprawie dostępności, pod `contact:` → `name:`";
        StatementEmailHint: "give an e-mail address under `contact:` → `email:` (or `organisation.email`)", "podaj adres e-mail pod `contact:` → `email:` (albo `organisation.email`)";
        StatementPhoneHint: "give a phone number under `contact:` → `phone:` (or `organisation.phone`)", "podaj numer telefonu pod `contact:` → `phone:` (albo `organisation.phone`)";
        StatementNoBuilding: "the accessibility statement does not describe the office building", "deklaracja dostępności nie opisuje budynku urzędu";
        StatementNoBuildingHint: "list the entrances, lifts, toilets, parking places, induction loops and whether assistance dogs may enter, under `architecture:`",
            "wymień pod `architecture:` wejścia, windy, toalety, miejsca parkingowe, pętle indukcyjne i czy można wejść z psem asystującym";
        StatementListsNothing: "the statement says the site is not fully compliant but lists nothing", "deklaracja mówi, że strona nie jest w pełni zgodna, ale niczego nie wymienia";
        StatementListsNothingHint: "list what is not accessible and why under `non_accessible:` (or exempt content under `exemptions:`), or set `status: full` if everything is accessible",
            "wymień pod `non_accessible:`, co jest niedostępne i dlaczego (albo treści wyłączone pod `exemptions:`), albo ustaw `status: full`, jeśli wszystko jest dostępne";
        StatementOverdue: "the accessibility statement was last reviewed on {last}; the yearly review was due by {due}", "deklarację dostępności ostatnio przejrzano {last}; coroczny przegląd należało zrobić do {due}";
        StatementOverdueHint: "check the site against the statement, correct what changed, then set `reviewed:` (and `updated:` if the site changed) to today's date",
            "sprawdź stronę z deklaracją, popraw, co się zmieniło, a potem ustaw `reviewed:` (i `updated:`, jeśli strona się zmieniła) na dzisiejszą datę";
        ShortcutClash: "`{keys}` is used for both `{first}` and `{second}`", "`{keys}` służy jednocześnie do `{first}` i `{second}`";
        ShortcutClashHint: "give every action its own keys (the defaults are Alt+Shift+1 to 8 and Alt+Shift+0)",
            "każdej akcji przypisz własne klawisze (domyślne to Alt+Shift+1 do 8 i Alt+Shift+0)";
        BrandColourForm: "the brand colour is not a colour in the form `#rrggbb`", "kolor marki nie jest kolorem w postaci `#rrggbb`";
        BrandColourFormHint: "write it as a hash and six hexadecimal digits in quotes, e.g. `colour: \"#1d4f91\"`",
            "wpisz go jako krzyżyk i sześć cyfr szesnastkowych w cudzysłowie, np. `colour: \"#1d4f91\"`";
        BrandContrast: "the brand colour `{colour}` has too little contrast with white: {ratio}:1, and text needs at least 4.5:1 (the header's white text is on it, and the theme writes it on the white page)",
            "kolor marki `{colour}` ma za mały kontrast z bielą: {ratio}:1, a tekst wymaga co najmniej 4,5:1 (na tym kolorze stoi biały tekst nagłówka, a motyw pisze nim na białej stronie)";
        BrandContrastHint: "the nearest colour that passes is the same colour darkened: write `colour: \"{nearest}\"`",
            "najbliższy kolor, który spełnia wymóg, to ten sam kolor przyciemniony: wpisz `colour: \"{nearest}\"`";
        NoDataProtectionOfficer: "the privacy notice names no data-protection officer to write to", "informacja o prywatności nie podaje inspektora ochrony danych ani kontaktu do niego";
        NoDataProtectionOfficerHint: "a public body must designate one (GDPR art. 37) and give the contact: add e.g. `data_protection_officer: { name: Jan Kowalski, email: iod@mops.example.org }` under `privacy:`",
            "podmiot publiczny musi go wyznaczyć (RODO art. 37) i podać kontakt: dodaj np. `data_protection_officer: { name: Jan Kowalski, email: iod@mops.example.org }` pod `privacy:`";
        SiteLanguage: "a whole site can be in Polish or English; Ukrainian is for single texts", "cała strona może być po polsku albo po angielsku; ukraiński jest dla pojedynczych tekstów";
        SiteLanguageHint: "write `language: pl` here, and `language: uk` in the front matter of each Ukrainian text",
            "wpisz tu `language: pl`, a `language: uk` w nagłówku każdego tekstu po ukraińsku";
        InfoLinkAddress: "`{url}` is not a web address", "`{url}` nie jest adresem strony";
        InfoLinkAddressHint: "write a page of the site from its root, e.g. `/tekst-latwy-do-czytania/`, or a full address, e.g. `https://mops.bip.gov.pl/`",
            "wpisz stronę serwisu od ukośnika, np. `/tekst-latwy-do-czytania/`, albo pełny adres, np. `https://mops.bip.gov.pl/`";
    }
}
