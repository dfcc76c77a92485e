//! Messages about documents as parts of the site: events, links between them, addresses.

catalogue! {
    /// Problems found while assembling the site from its documents.
    Documents {
        EventNoStart: "the event has no start", "wydarzenie nie ma początku";
        EventNoStartHint: "add e.g. `start: 2026-12-05 17:00` under `event:`, or a date alone for an all-day event",
            "dodaj np. `start: 2026-12-05 17:00` pod `event:` albo samą datę dla wydarzenia całodniowego";
        AllDayTimes: "the times of an all-day event are ignored", "godziny wydarzenia całodniowego są pomijane";
        AllDayTimesHint: "remove the times from `start:` and `end:`, or remove `all_day: true`", "usuń godziny ze `start:` i `end:` albo usuń `all_day: true`";
        NeedsStartTime: "an event that is not all day needs a start time", "wydarzenie, które nie trwa cały dzień, potrzebuje godziny rozpoczęcia";
        NeedsStartTimeHint: "write e.g. `start: 2026-12-05 17:00`, or remove `all_day: false`", "wpisz np. `start: 2026-12-05 17:00` albo usuń `all_day: false`";
        MixedTimes: "`start` and `end` must both have a time or both be dates", "`start` i `end` muszą obie mieć godzinę albo obie być samymi datami";
        MixedTimesHint: "write e.g. `start: 2026-12-05 17:00` and `end: 2026-12-05 19:00`, or two dates for an all-day event",
            "wpisz np. `start: 2026-12-05 17:00` i `end: 2026-12-05 19:00` albo dwie daty dla wydarzenia całodniowego";
        EndsBeforeStart: "the event ends before it starts", "wydarzenie kończy się, zanim się zacznie";
        EndsBeforeStartHint: "check `start:` and `end:`; an evening meeting is e.g. `start: 2026-12-05 17:00`, `end: 2026-12-05 19:00`",
            "sprawdź `start:` i `end:`; wieczorne spotkanie to np. `start: 2026-12-05 17:00`, `end: 2026-12-05 19:00`";
        BadRegistration: "`{link}` is not a web address, an e-mail or a phone link", "`{link}` to nie jest adres strony, e-mail ani numer telefonu";
        BadRegistrationHint: "write a full address (`https://…`), an e-mail link (`mailto:zapisy@example.org`) or a phone link (`tel:+48123456789`)",
            "wpisz pełny adres (`https://…`), adres e-mail (`mailto:zapisy@example.org`) albo telefon (`tel:+48123456789`)";
        PriceAndFree: "the event has both a price and `free: true`", "wydarzenie ma jednocześnie cenę i `free: true`";
        Film: "the film", "film";
        CaptionsFile: "the captions file", "plik z napisami";
        Transcript: "the transcript", "transkrypcja";
        LinkedDocument: "the linked document", "dokument z odnośnika";
        TextPhoto: "the photo in the text", "zdjęcie w tekście";
        NeedsBundle: "{what} `{name}` needs a page bundle", "{what} `{name}` wymaga folderu wpisu";
        NeedsBundleHint: "files are published only from a page bundle: move `x.md` to `x/index.md` and put the file beside it",
            "pliki są publikowane tylko z folderu wpisu: przenieś `x.md` do `x/index.md` i połóż plik obok";
        NotInFolder: "{what} `{name}` is not a file in this document's folder", "{what} `{name}` nie jest plikiem w folderze tego dokumentu";
        NotInFolderHint: "put the file beside `index.md` and write just its name, e.g. `regulamin.pdf` (no folders, no `..`, no `/` at the start)",
            "połóż plik obok `index.md` i wpisz samą jego nazwę, np. `regulamin.pdf` (bez folderów, bez `..`, bez `/` na początku)";
        NotInFolderVideoHint: "put the file beside `index.md` and write just its name, e.g. `regulamin.pdf` (no folders, no `..`, no `/` at the start); files outside the document's folder are not published",
            "połóż plik obok `index.md` i wpisz samą jego nazwę, np. `regulamin.pdf` (bez folderów, bez `..`, bez `/` na początku); pliki spoza folderu dokumentu nie są publikowane";
        FileMissing: "{what} `{name}` does not exist", "{what} `{name}` nie istnieje";
        FileMissingHint: "check the file name (letters, case and extension must match) and that the file is beside `index.md`",
            "sprawdź nazwę pliku (litery, wielkość liter i rozszerzenie muszą się zgadzać) i czy plik leży obok `index.md`";
        FileSymlink: "{what} `{name}` is a symbolic link", "{what} `{name}` jest dowiązaniem symbolicznym";
        FileSymlinkHint: "copy the file into the document's folder instead of linking to it", "skopiuj plik do folderu dokumentu zamiast tworzyć dowiązanie";

        VideoNoTitle: "the video has no title", "film nie ma tytułu";
        VideoNoTitleHint: "add `title:` saying what the film shows: it names the player and its buttons for screen reader users",
            "dodaj `title:` mówiący, co pokazuje film: nazywa on odtwarzacz i jego przyciski dla użytkowników czytników ekranu";
        VideoNoSource: "the video has no `src`, `youtube` or `vimeo`", "film nie ma `src`, `youtube` ani `vimeo`";
        VideoNoSourceHint: "name a film beside `index.md` with `src: film.mp4` (and `captions: napisy.vtt`), or a YouTube film with `youtube: <address or ID>`",
            "wskaż film leżący obok `index.md` przez `src: film.mp4` (i `captions: napisy.vtt`) albo film z YouTube przez `youtube: <adres lub ID>`";
        VideoTwoSources: "the video has both `{first}` and `{second}`", "film ma jednocześnie `{first}` i `{second}`";
        VideoTwoSourcesHint: "give each video one source; write two videos as a list (`- title: …` lines)", "każdy film ma mieć jedno źródło; dwa filmy zapisz jako listę (wiersze `- title: …`)";
        NotFilmFormat: "`{src}` is not a film format tablica publishes", "`{src}` to nie jest format filmu, który tablica publikuje";
        NotFilmFormatHint: "save the film as MP4 (H.264) or WebM", "zapisz film jako MP4 (H.264) albo WebM";
        NoCaptions: "the film `{src}` has no captions", "film `{src}` nie ma napisów";
        CaptionsHint: "captions let deaf and hard-of-hearing people follow the film (WCAG 1.2.2). Save them as a WebVTT file beside the film and name it here, e.g. `captions: napisy.vtt`. A WebVTT file is plain text: the first line is `WEBVTT`, then after an empty line blocks such as `00:00:01.000 --> 00:00:04.000` followed by the text said; subtitle editors (e.g. Subtitle Edit, Aegisub) and YouTube Studio can save this format",
            "napisy pozwalają osobom głuchym i słabosłyszącym śledzić film (WCAG 1.2.2). Zapisz je jako plik WebVTT obok filmu i wpisz tu jego nazwę, np. `captions: napisy.vtt`. Plik WebVTT to zwykły tekst: pierwszy wiersz to `WEBVTT`, potem po pustym wierszu bloki takie jak `00:00:01.000 --> 00:00:04.000` z wypowiadanym tekstem; ten format zapisują edytory napisów (np. Subtitle Edit, Aegisub) i YouTube Studio";
        NotWebVtt: "the captions file `{name}` is not a WebVTT file (it must end in `.vtt` and start with the line `WEBVTT`)",
            "plik z napisami `{name}` nie jest plikiem WebVTT (musi kończyć się na `.vtt` i zaczynać wierszem `WEBVTT`)";
        ExternalCaptions: "captions of a film on {provider} are not published by tablica", "tablica nie publikuje napisów do filmu z serwisu {provider}";
        ExternalCaptionsHint: "add the captions to the film on that site, and remove `captions:` here", "dodaj napisy do filmu w tamtym serwisie i usuń tu `captions:`";
        NotFilmAddress: "`{given}` is not the address or ID of a film on {provider}", "`{given}` to nie jest adres ani identyfikator filmu w serwisie {provider}";
        YouTubeAddressHint: "copy the film's address from the browser, e.g. `youtube: https://www.youtube.com/watch?v=dQw4w9WgXcQ` or just the 11-character ID",
            "skopiuj adres filmu z przeglądarki, np. `youtube: https://www.youtube.com/watch?v=dQw4w9WgXcQ` albo sam 11-znakowy identyfikator";
        VimeoAddressHint: "copy the film's address from the browser, e.g. `vimeo: https://vimeo.com/76979871` or just the number",
            "skopiuj adres filmu z przeglądarki, np. `vimeo: https://vimeo.com/76979871` albo sam numer";
        ReservedPage: "the page address `/{slug}/` is used by tablica itself", "adresu strony `/{slug}/` używa sama tablica";
        ReservedPageHint: "give the page another `slug:`", "nadaj stronie inny `slug:`";
        NoProject: "there is no project `{reference}`", "nie ma projektu `{reference}`";
        NoProjectDidYouMean: "did you mean `{close}`? A project is named by its slug", "czy chodziło o `{close}`? Projekt wskazuje się jego adresem (slug)";
        NoProjects: "add the project in content/projects/ or remove the `project:` line", "dodaj projekt w content/projects/ albo usuń wiersz `project:`";
        UseOneOf: "use one of: {list}", "użyj jednego z: {list}";
        TooManyTags: "the post has {count} tags; only the first {max} are used", "wpis ma {count} tagów; używanych jest tylko pierwszych {max}";
        TooManyTagsHint: "keep the few tags a reader would look for; each tag is a page listing its posts", "zostaw kilka tagów, których szukałby czytelnik; każdy tag to strona z listą wpisów";
        TermNoAddress: "`{name}`: cannot be made into an address", "`{name}`: nie da się z tego zrobić adresu";
        TermNoAddressHint: "use a name with letters or digits", "użyj nazwy z literami albo cyframi";
        TermUnusable: "`{name}`: {problem}", "`{name}`: {problem}";
        TermUnusableHint: "use a shorter or different name", "użyj krótszej albo innej nazwy";
        DuplicatePost: "another post already has the address `{slug}`: {first}", "inny wpis ma już adres `{slug}`: {first}";
        DuplicateProject: "another project already has the address `{slug}`: {first}", "inny projekt ma już adres `{slug}`: {first}";
        DuplicatePage: "another page already has the address `{slug}`: {first}", "inna strona ma już adres `{slug}`: {first}";
        DuplicateHint: "give one of them a different `slug:` (or rename the file)", "nadaj jednemu z nich inny `slug:` (albo zmień nazwę pliku)";
        SlugTooLong: "the address `{start}…` is too long ({len} characters, at most {max})", "adres `{start}…` jest za długi ({len} znaków, najwyżej {max})";
        SlugReserved: "the address `{slug}` is a device name Windows reserves, so the site could not be copied to or hosted on Windows",
            "adres `{slug}` to nazwa urządzenia zastrzeżona w Windows, więc strony nie dałoby się skopiować na Windows ani tam udostępnić";
        NoTitle: "the title is missing", "brak tytułu";
        NoTitleHint: "add a line such as `title: Dzień Seniora w Klubie „Pogodna Jesień”`", "dodaj wiersz taki jak `title: Dzień Seniora w Klubie „Pogodna Jesień”`";
        BadLanguage: "`{value}` is not a language tablica has texts for", "`{value}` to nie jest język, w którym tablica ma teksty";
        BadLanguageHint: "write `language: uk` (Ukrainian), `language: en` (English) or `language: pl` (Polish), or remove the line for a text in the site's language",
            "wpisz `language: uk` (ukraiński), `language: en` (angielski) albo `language: pl` (polski) albo usuń ten wiersz, jeśli tekst jest w języku strony";
        TranslationUnknown: "no text of the site has the address `{address}`", "żaden tekst strony nie ma adresu `{address}`";
        TranslationUnknownHint: "write the address of the text this one translates as its page shows it, from the first slash, e.g. `translation_of: /pomoc-dla-uchodzcow/`",
            "wpisz adres tekstu, który ten tłumaczy, tak jak widać go na jego stronie, od pierwszego ukośnika, np. `translation_of: /pomoc-dla-uchodzcow/`";
        TranslationSameLanguage: "this text and `{address}`, which it translates, are both in the language `{lang}`", "ten tekst i `{address}`, który tłumaczy, są w tym samym języku `{lang}`";
        TranslationSameLanguageHint: "give the translation its `language:` (e.g. `language: uk`), or link two texts in different languages",
            "podaj w tłumaczeniu `language:` (np. `language: uk`) albo połącz teksty w różnych językach";
        BadSlug: "`{slug}` is not a valid slug", "`{slug}` to nie jest poprawny adres (slug)";
        NoAddressFromName: "the file name gives no address", "z nazwy pliku nie da się zrobić adresu";
        NoAddressFromNameHint: "rename the file using letters or digits, or add `slug:`", "zmień nazwę pliku na zawierającą litery lub cyfry albo dodaj `slug:`";
        ChooseSlugHint: "give the document a short `slug:` of your choice, e.g. `slug: kontakt`", "nadaj dokumentowi krótki `slug:` według uznania, np. `slug: kontakt`";
        NoDate: "the date is missing", "brak daty";
        NoDateHint: "add a line such as `date: 2026-11-24`", "dodaj wiersz taki jak `date: 2026-11-24`";
        ExpiresBeforePublish: "`expires:` is not after `publish:`: the text would never be current", "`expires:` nie jest późniejsze niż `publish:`: tekst nigdy nie byłby aktualny";
        ExpiresBeforePublishHint: "give `expires:` a later date than `publish:`, or delete one of them", "wpisz w `expires:` datę późniejszą niż w `publish:` albo usuń jedno z tych pól";
        ProjectEndsEarly: "the project ends before it starts", "projekt kończy się, zanim się zacznie";
        ProjectEndsEarlyHint: "check the `start:` and `end:` dates", "sprawdź daty `start:` i `end:`";
        NoStatus: "the project status is missing", "brak statusu projektu";
        NoStatusHint: "add `status: planned`, `status: ongoing` or `status: finished`", "dodaj `status: planned`, `status: ongoing` albo `status: finished`";
        EuTooLarge: "the EU contribution is larger than the project's total value", "wkład UE jest większy niż całkowita wartość projektu";
        EuTooLargeHint: "check both amounts; write them as plain numbers, e.g. `1062500`", "sprawdź obie kwoty; wpisz je jako zwykłe liczby, np. `1062500`";
        BundleSymlinkHint: "copy the file into the bundle instead of linking to it", "skopiuj plik do folderu wpisu zamiast tworzyć dowiązanie";
        BadAlias: "the old address `{alias}` cannot be used: {reason}", "starego adresu `{alias}` nie da się użyć: {reason}";
        BadAliasHint: "write the old address from the site's root, e.g. `aliases: [/aktualnosci/stary-wpis/]`; see \"Old addresses\" in docs/content-format.md",
            "wpisz stary adres od głównej strony serwisu, np. `aliases: [/aktualnosci/stary-wpis/]`; zob. „Stare adresy” w docs/pl/02-wpis.md";
        AliasNoSlash: "it must start with `/` (no `https://` and no other host)", "musi zaczynać się od `/` (bez `https://` i bez innej domeny)";
        AliasQuery: "an address with `?` or `#` cannot be a file of a static site", "adresu z `?` lub `#` nie da się zapisać jako pliku strony statycznej";
        AliasPart: "it has an empty part, `.` or `..`, a space, or a character a file name cannot have", "ma pustą część, `.` lub `..`, spację albo znak, którego nie może mieć nazwa pliku";
        AliasEncoding: "a `%` escape in it is not valid", "zawiera niepoprawny kod `%`";
        AliasTooLong: "it is longer than {max} characters", "ma więcej niż {max} znaków";
        AliasRoot: "it is the home page of the site", "to strona główna serwisu";
        AliasTaken: "the old address `{alias}` is also {other}", "stary adres `{alias}` to także {other}";
        AliasTakenHint: "an address can lead to one page only: remove it from `aliases:` of one of them",
            "jeden adres może prowadzić tylko do jednej strony: usuń go z `aliases:` jednego z dokumentów";
        AliasOfFile: "the old address of `{file}`", "stary adres dokumentu `{file}`";
        AliasPageOfFile: "the address of `{file}`", "adres dokumentu `{file}`";
        AliasGeneratedPage: "the address of a page tablica makes (a list, tag or archive)", "adres strony, którą tworzy tablica (lista, tag, archiwum)";
        BrokenLink: "the link `{url}` leads to no page or file of the site", "odnośnik `{url}` nie prowadzi do żadnej strony ani pliku serwisu";
        BrokenLinkHint: "check the address: copy it from the address bar of the page in `tablica serve`, or remove the link",
            "sprawdź adres: skopiuj go z paska adresu strony w `tablica serve` albo usuń odnośnik";
        BrokenAnchorHint: "the page has no such `#` section: check the part after `#` against the page's headings, or remove it",
            "strona nie ma takiej sekcji `#`: porównaj część po `#` z nagłówkami strony albo ją usuń";
        BrokenLinkOutsideHint: "the address is outside the site's `base_url`: write it from the site's root, e.g. `/o-nas/`",
            "adres jest poza `base_url` serwisu: wpisz go od głównej strony serwisu, np. `/o-nas/`";
        BrokenThemeLink: "the link `{url}` on the page `{page}` (and maybe others) leads nowhere", "odnośnik `{url}` na stronie `{page}` (i może innych) prowadzi donikąd";
        BrokenThemeLinkHint: "it comes from the menu or another setting in site.yaml, or from the theme: correct the address there",
            "pochodzi z menu lub innego ustawienia w site.yaml albo z szablonu: popraw adres tam";
        ExternalStatus: "the link `{url}` answers with the error {status}", "odnośnik `{url}` odpowiada błędem {status}";
        ExternalGoneHint: "the page was moved or removed: open the other site, find the page's new address and correct the link, or remove it",
            "strona została przeniesiona albo usunięta: otwórz tamten serwis, znajdź nowy adres strony i popraw odnośnik albo go usuń";
        ExternalServerHint: "the other site has a problem or refuses the check: open the address in a browser; if it works, ignore this or add its host to `checks: { external_skip: [...] }` in site.yaml",
            "tamten serwis ma kłopot albo odmawia sprawdzenia: otwórz adres w przeglądarce; jeśli działa, pomiń to ostrzeżenie albo dopisz jego serwer do `checks: { external_skip: [...] }` w site.yaml";
        ExternalTimeout: "the link `{url}` got no answer within {seconds} s", "odnośnik `{url}` nie dostał odpowiedzi w ciągu {seconds} s";
        ExternalTimeoutHint: "the other site may be down or slow: open the address in a browser; if it works, give it more time with `checks: { external_timeout: 30 }` in site.yaml",
            "tamten serwis może nie działać albo być powolny: otwórz adres w przeglądarce; jeśli działa, daj mu więcej czasu przez `checks: { external_timeout: 30 }` w site.yaml";
        ExternalUnreachable: "the link `{url}` cannot be reached: {error}", "nie da się połączyć z adresem odnośnika `{url}`: {error}";
        ExternalUnreachableHint: "check the address for a typo and open it in a browser: the site may no longer exist; if this computer needs a proxy, set `HTTPS_PROXY`",
            "sprawdź, czy w adresie nie ma literówki, i otwórz go w przeglądarce: serwis mógł przestać istnieć; jeśli ten komputer łączy się przez serwer pośredniczący (proxy), ustaw `HTTPS_PROXY`";
        ExternalNoHost: "there is no such server", "nie ma takiego serwera";
        ExternalRefused: "the server refused the connection", "serwer odmówił połączenia";
        ExternalRedirectInside: "it sends the check on to `{to}`, an address inside a local network or this computer, which tablica does not ask", "przekierowuje pod `{to}`, adres w sieci lokalnej albo na tym komputerze, o który tablica nie pyta";
        ExternalTls: "the secure connection (https) failed: {error}", "nie udało się nawiązać bezpiecznego połączenia (https): {error}";
        ExternalRedirects: "the link `{url}` is sent on more than {max} times", "odnośnik `{url}` jest przekierowywany więcej niż {max} razy";
        ExternalMoved: "the link `{url}` has moved for good to `{to}`", "odnośnik `{url}` został na stałe przeniesiony pod `{to}`";
        ExternalMovedHint: "write the new address in the link: the old one may stop working", "wpisz w odnośniku nowy adres: stary może przestać działać";
        ExternalBusy: "the link `{url}` was not checked: its site asks to be asked later", "odnośnika `{url}` nie sprawdzono: jego serwis prosi o zapytanie później";
        ExternalBusyHint: "run `tablica check --external` again later", "uruchom `tablica check --external` ponownie później";
        ExternalOnPage: "{problem} (on the page `{page}` and maybe others: from the header of its document, the menu or another setting in site.yaml, or the theme)",
            "{problem} (na stronie `{page}` i może innych: z metryczki jej dokumentu, z menu lub innego ustawienia w site.yaml albo z szablonu)";
        ExternalOutOfTime: "{count|link|links} to other sites not checked: the check's {minutes} minutes ran out",
            "nie sprawdzono {count|odnośnika|odnośników|odnośników} do innych serwisów: skończyło się {minutes} minut przeznaczonych na sprawdzanie";
        ExternalOutOfTimeHint: "run `tablica check --external` again; add the hosts that answer slowly to `checks: { external_skip: [...] }`",
            "uruchom `tablica check --external` ponownie; serwery, które odpowiadają powoli, dopisz do `checks: { external_skip: [...] }`";
        ExternalProgress: "links to other sites", "odnośniki do innych serwisów";
        PriceAndFreeHint: "keep `price:` or `free: true`, not both", "zostaw `price:` albo `free: true`, nie oba";
        FolderNoAddress: "the folder `{folder}` gives no address for the pages in it", "z nazwy folderu `{folder}` nie da się zrobić adresu stron, które w nim są";
        FolderNameHint: "rename the folder using letters or digits, e.g. `pomoc`; the folders under `content/pages/` make the addresses of the pages in them",
            "zmień nazwę folderu na zawierającą litery lub cyfry, np. `pomoc`; foldery w `content/pages/` tworzą adresy stron, które w nich leżą";
        NoSectionPage: "the folder `{folder}` has pages but no `index.md` of its own, so they have no section page above them",
            "folder `{folder}` ma strony, ale nie ma własnego `index.md`, więc nad tymi stronami nie ma strony działu";
        NoSectionPageHint: "add `{folder}/index.md` with a title (it lists the pages of the folder), or move the pages up to `content/pages/`",
            "dodaj `{folder}/index.md` z tytułem (pokaże listę stron z folderu) albo przenieś strony wyżej, do `content/pages/`";
    }
}
