//! Messages of the command line: summaries, progress, `--help`, `tablica new`.

catalogue! {
    /// Messages of the commands themselves.
    Cli {
        Error: "error", "błąd";
        Warning: "warning", "ostrzeżenie";
        Field: "field `{field}`", "pole `{field}`";
        Hint: "hint", "wskazówka";
        CountPosts: "{n|post|posts}", "{n|wpis|wpisy|wpisów}";

        // Mistakes on the command line (clap's own texts are English; these replace them).
        ArgUnknown: "unknown option `{arg}`", "nieznana opcja `{arg}`";
        ArgSuggest: "did you mean `{suggestion}`?", "czy chodziło o `{suggestion}`?";
        CommandUnknown: "unknown command `{command}`", "nieznane polecenie `{command}`";
        ArgInvalidValue: "`{value}` is not a valid value for `{arg}`", "`{value}` to niepoprawna wartość opcji `{arg}`";
        ArgPossibleValues: "possible values: {values}", "możliwe wartości: {values}";
        ArgMissing: "missing: {args}", "brakuje: {args}";
        ArgMissingValue: "`{arg}` needs a value", "opcja `{arg}` wymaga wartości";
        ArgConflict: "`{arg}` cannot be used together with `{other}`", "opcji `{arg}` nie można użyć razem z `{other}`";
        ArgUnexpected: "unexpected argument `{arg}`", "nieoczekiwany argument `{arg}`";
        ArgBadCall: "the command is not written correctly", "polecenie jest zapisane niepoprawnie";
        ArgSeeHelp: "`{help}` lists the commands and their options", "`{help}` pokazuje polecenia i ich opcje";

        Built: "built: {posts|post|posts}, {projects|project|projects}, {pages|page|pages}, {photos|photo|photos} ({processed} processed, {cached} from cache), {files|file|files} in {seconds} s",
            "zbudowano: {posts|wpis|wpisy|wpisów}, {projects|projekt|projekty|projektów}, {pages|strona|strony|stron}, {photos|zdjęcie|zdjęcia|zdjęć} (przetworzone: {processed}, z pamięci podręcznej: {cached}), {files|plik|pliki|plików} w {seconds} s";
        Checked: "checked: {posts|post|posts}, {projects|project|projects}, {pages|page|pages}, {photos|photo|photos}",
            "sprawdzono: {posts|wpis|wpisy|wpisów}, {projects|projekt|projekty|projektów}, {pages|strona|strony|stron}, {photos|zdjęcie|zdjęcia|zdjęć}";
        UpToDate: "up to date: nothing changed since the last build ({posts|post|posts}, {projects|project|projects}, {pages|page|pages}, {photos|photo|photos}); --force builds again",
            "bez zmian: od ostatniego budowania nic się nie zmieniło ({posts|wpis|wpisy|wpisów}, {projects|projekt|projekty|projektów}, {pages|strona|strony|stron}, {photos|zdjęcie|zdjęcia|zdjęć}); --force buduje od nowa";
        CheckScheduled: "scheduled: {file} „{title}” appears on the site on {when}",
            "zaplanowane: {file} „{title}” pojawi się na stronie {when}";
        CheckExpired: "expired: {file} „{title}” was current until {when}; it is out of the lists, its page stays marked archival",
            "wygasłe: {file} „{title}” było aktualne do {when}; nie ma go już na listach, jego strona zostaje z dopiskiem „Informacja archiwalna”";
        ContentErrors: "{errors|error|errors} in the content", "{errors|błąd|błędy|błędów} w treści";
        ContentErrorsFound: "{errors} found; nothing was written, the previous output is unchanged.",
            "{errors}: niczego nie zapisano, poprzednia wersja strony została bez zmian.";
        NothingWritten: "nothing was written; the previous output is unchanged.",
            "niczego nie zapisano; poprzednia wersja strony została bez zmian.";
        ServeOpenToNetwork: "listening on {bind}: other computers on the network can see the preview",
            "nasłuch na {bind}: podgląd widzą też inne komputery w sieci";
        Serving: "Serving the site at http://{addr}/ (Ctrl+C to stop)",
            "Podgląd strony: http://{addr}/ (Ctrl+C kończy)";
        FirstBuild: "first build", "pierwsze budowanie";
        OneChanged: "{file} changed", "zmiana w {file}";
        ManyChanged: "{files|file|files} changed", "zmiany w {files|pliku|plikach|plikach}";
        Rebuilt: "{what}: {pages|page|pages} rendered, {photos|photo|photos} processed in {ms} ms",
            "{what}: {pages|strona|strony|stron}, {photos|przetworzone zdjęcie|przetworzone zdjęcia|przetworzonych zdjęć} w {ms} ms";
        RebuildFailed: "{what}: the build failed; the preview keeps the last good pages",
            "{what}: budowanie się nie udało; podgląd pokazuje ostatnie dobre strony";
        Stopped: "stopped", "zatrzymano";
        BeingBuilt: "the site is being built", "strona jest w trakcie budowania";
        CannotListen: "cannot listen on {addr}: {error}", "nie można nasłuchiwać na {addr}: {error}";
        CannotWatch: "cannot watch {path} for changes: {error}", "nie można śledzić zmian w {path}: {error}";
        CannotStop: "cannot stop on Ctrl+C: {error}", "nie można obsłużyć Ctrl+C: {error}";

        HelpAbout: "An accessible, private static site generator for news and project pages.",
            "Generator dostępnych stron z aktualnościami i projektami, bez śledzenia odwiedzających.";
        HelpLang: "The language of messages: pl or en [default: the site's language; outside a site, the system's]",
            "Język komunikatów: pl albo en [domyślnie: język strony; poza stroną: język systemu]";
        HelpHelp: "Print help", "Wyświetla pomoc";
        HelpVersion: "Print version", "Wyświetla wersję";
        HelpRoot: "The site folder, holding content/ and themes/.", "Folder strony, zawierający content/ i themes/.";
        HelpBuild: "Build the site into public/ (or --output).", "Buduje stronę w folderze public/ (albo --output).";
        HelpBuildLong: "Build the site into public/ (or --output).\n\nWhen nothing under content/ and themes/ changed since the last build into the same folder, and the folder is as that build left it, nothing is built (--force builds).\n\nExit status: 0 built, 1 content errors (the previous output is left as it was), 3 any other failure.",
            "Buduje stronę w folderze public/ (albo --output).\n\nGdy od ostatniego budowania do tego samego folderu nic się nie zmieniło w content/ ani w themes/, a folder jest taki, jak go zostawiło, strona nie jest budowana ponownie (--force buduje).\n\nKod wyjścia: 0 zbudowano, 1 błędy w treści (poprzednia wersja strony zostaje bez zmian), 3 inny błąd.";
        HelpOutput: "The output folder [default: <root>/public].", "Folder wynikowy [domyślnie: <root>/public].";
        HelpDrafts: "Also publish documents marked `draft: true`.", "Publikuje także dokumenty oznaczone `draft: true`.";
        HelpPreview: "A preview for colleagues: drafts and texts scheduled for later included, a PODGLĄD banner on every page, hidden from search engines.",
            "Wersja do sprawdzenia przez zespół: ze szkicami i tekstami zaplanowanymi na później, z paskiem PODGLĄD na każdej stronie, ukryta przed wyszukiwarkami.";
        HelpQuiet: "Print only errors and warnings.", "Wypisuje tylko błędy i ostrzeżenia.";
        HelpForce: "Build even when nothing changed since the last build.", "Buduje nawet wtedy, gdy od ostatniego budowania nic się nie zmieniło.";
        HelpReplaceOutput: "Replace the output folder even if it holds files tablica did not write (an unrelated folder, files added by hand, the output of an earlier tablica version): they are deleted. Without it such a folder is refused and the files are listed.",
            "Zastępuje folder wynikowy, nawet jeśli są w nim pliki, których tablica nie zapisała (inny folder, pliki dodane ręcznie, wynik starszej wersji tablicy): zostaną usunięte. Bez tej opcji taki folder jest odrzucany, a pliki wypisane.";
        HelpCheck: "Check all content and report every problem, writing nothing.", "Sprawdza całą treść i zgłasza wszystkie problemy, niczego nie zapisując.";
        HelpCheckLong: "Check all content and report every problem, writing nothing.\n\nExit status: 0 no errors (warnings may be printed), 1 content errors, 3 other failure.",
            "Sprawdza całą treść i zgłasza wszystkie problemy, niczego nie zapisując.\n\nKod wyjścia: 0 brak błędów (mogą być ostrzeżenia), 1 błędy w treści, 3 inny błąd.";
        HelpCheckDrafts: "Also check documents marked `draft: true`.", "Sprawdza także dokumenty oznaczone `draft: true`.";
        HelpCheckExternal: "Also ask every link to another site whether it still leads somewhere (needs the Internet; `checks: { external_links, external_skip, external_timeout }` in site.yaml).",
            "Sprawdza też, czy odnośniki do innych serwisów nadal dokądś prowadzą (potrzebny internet; `checks: { external_links, external_skip, external_timeout }` w site.yaml).";
        HelpDeploy: "Send the site to the server named under `deploy:` in site.yaml.",
            "Wysyła stronę na serwer podany w części `deploy:` pliku site.yaml.";
        HelpDeployLong: "Send the site to the server named under `deploy:` in site.yaml (see docs/deploy.md).\n\nBuilds first (nothing is built when nothing changed). Only files that changed since the last deploy are sent; files the site no longer has are deleted on the server.\n\nExit status: 0 deployed, 1 content errors (nothing sent), 3 any other failure.",
            "Wysyła stronę na serwer podany w części `deploy:` pliku site.yaml (docs/deploy.md).\n\nNajpierw buduje stronę (nic, jeśli nic się nie zmieniło). Wysyła tylko pliki zmienione od ostatniej wysyłki; pliki, których strona już nie ma, usuwa z serwera.\n\nKod wyjścia: 0 wysłano, 1 błędy w treści (nic nie wysłano), 3 inny błąd.";
        HelpDeployTarget: "The target's name under `deploy:`; may be left out when there is only one.",
            "Nazwa celu z części `deploy:`; można ją pominąć, gdy cel jest jeden.";
        HelpDeployOutput: "The built site to send [default: <root>/public].",
            "Zbudowana strona do wysłania [domyślnie: <root>/public].";
        HelpDeployDryRun: "List what would be sent and deleted; change nothing on the server.",
            "Wypisuje, co zostałoby wysłane i usunięte; niczego nie zmienia na serwerze.";
        HelpDeployNoBuild: "Send the output folder as it is, without building first.",
            "Wysyła folder wyjściowy taki, jaki jest, bez budowania.";
        HelpServe: "Preview the site: build it, serve it on this computer, rebuild and reload on change.",
            "Podgląd strony: buduje ją, pokazuje na tym komputerze, po każdej zmianie buduje i odświeża.";
        HelpServeLong: "Preview the site: build it, serve it on this computer, rebuild and reload on change.\n\nPages are written to <root>/.tablica-cache/serve, never to public/. Stop with Ctrl+C.",
            "Podgląd strony: buduje ją, pokazuje na tym komputerze, po każdej zmianie buduje i odświeża.\n\nStrony trafiają do <root>/.tablica-cache/serve, nigdy do public/. Ctrl+C kończy.";
        HelpPort: "The port; the next free one is taken when it is in use (0: any free port).",
            "Port; gdy jest zajęty, brany jest następny wolny (0: dowolny wolny port).";
        HelpBind: "The address to listen on. Other computers can see the preview only if you choose an address on their network, e.g. 0.0.0.0.",
            "Adres nasłuchu. Inne komputery zobaczą podgląd tylko wtedy, gdy wybierzesz adres w ich sieci, np. 0.0.0.0.";
        HelpServeDrafts: "Also show documents marked `draft: true`.", "Pokazuje także dokumenty oznaczone `draft: true`.";
        HelpServePreview: "Show the site as `build --preview` makes it: drafts and texts scheduled for later, with the PODGLĄD banner.",
            "Pokazuje stronę tak jak `build --preview`: ze szkicami i tekstami zaplanowanymi na później, z paskiem PODGLĄD.";
        HelpNew: "Create a new site: asks for the organisation's details in a terminal, or takes them from the options.",
            "Zakłada nową stronę: w terminalu pyta o dane organizacji albo bierze je z opcji.";
        HelpNewDir: "The folder to create (must not exist or be empty).", "Folder do utworzenia (nie może istnieć albo musi być pusty).";
        HelpNewName: "The organisation's name.", "Nazwa organizacji.";
        HelpNewAddress: "The organisation's postal address.", "Adres pocztowy organizacji.";
        HelpNewEmail: "The organisation's e-mail address.", "Adres e-mail organizacji.";
        HelpNewPhone: "The organisation's phone number.", "Numer telefonu organizacji.";
        HelpNewBaseUrl: "The address the site will be published at, e.g. https://mops.przykladowo.pl/.",
            "Adres, pod którym strona zostanie opublikowana, np. https://mops.przykladowo.pl/.";
        HelpNewPhotos: "Whether photos showing people will be published: yes or no.", "Czy będą publikowane zdjęcia, na których widać ludzi: yes albo no.";
        HelpNewYes: "Ask nothing: take the options given and example values for the rest.",
            "Bez pytań: bierze podane opcje, a resztę wypełnia przykładami.";
        HelpNewAsk: "Ask for every detail not given as an option, reading answers from standard input even when it is not a terminal (for scripts and tests).",
            "Pyta o każdą daną niepodaną w opcjach, czytając odpowiedzi ze standardowego wejścia nawet wtedy, gdy nie jest terminalem (dla skryptów i testów).";
        HelpImport: "Move a site in from another system.", "Przenosi stronę z innego systemu.";
        HelpImportWordpress: "Turn a WordPress export (Tools → Export → All content) into a tablica site: posts, pages in their tree, photos, old addresses; then print a report of what needs a person (also written as a file). Writes nothing when a file of the site would be overwritten.",
            "Zamienia eksport z WordPressa (Narzędzia → Eksport → Cała zawartość) na stronę tablicy: wpisy, strony z ich hierarchią, zdjęcia, stare adresy; potem wypisuje raport tego, co wymaga uwagi (zapisany też w pliku). Niczego nie zapisuje, jeśli miałby nadpisać plik strony.";
        HelpImportExport: "The export file (.xml) downloaded from WordPress.", "Plik eksportu (.xml) pobrany z WordPressa.";
        HelpImportUploads: "A copy of the old site's wp-content/uploads folder, to take the photos from.",
            "Kopia folderu wp-content/uploads starej strony, z której zostaną wzięte zdjęcia.";
        HelpImportInto: "The site folder: an existing tablica site, or an empty or new folder (default: the current one).",
            "Folder strony: istniejąca strona tablicy albo pusty lub nowy folder (domyślnie bieżący).";

        CannotCreate: "cannot create a site in {dir}", "nie można utworzyć strony w {dir}";
        FolderNotEmpty: "the folder is not empty", "folder nie jest pusty";
        NewIntro: "A new site in {dir}. Answer a few questions; press Enter to keep the value in [brackets].",
            "Nowa strona w {dir}. Odpowiedz na kilka pytań; Enter zostawia wartość w [nawiasach].";
        AskName: "Name of the organisation", "Nazwa organizacji";
        AskAddress: "Postal address", "Adres pocztowy";
        AskEmail: "E-mail address", "Adres e-mail";
        AskPhone: "Phone number", "Numer telefonu";
        AskBaseUrl: "The site's address on the internet", "Adres strony w internecie";
        AskPhotos: "Will you publish photos showing people? (yes/no)", "Czy będziecie publikować zdjęcia, na których widać ludzi? (tak/nie)";
        BadEmail: "`{value}` is not an e-mail address; write it as name@domain, e.g. mops@przykladowo.pl",
            "`{value}` to nie jest adres e-mail; wpisz go jako nazwa@domena, np. mops@przykladowo.pl";
        BadUrl: "`{value}` is not a web address; write it with https://, e.g. https://mops.przykladowo.pl/",
            "`{value}` to nie jest adres strony; wpisz go z https://, np. https://mops.przykladowo.pl/";
        BadYesNo: "answer yes or no", "odpowiedz tak albo nie";
        BadEmpty: "this cannot be empty", "to pole nie może być puste";
        NoAnswers: "no more answers on standard input; give the details as options (see tablica new --help)",
            "brak dalszych odpowiedzi na wejściu; podaj dane w opcjach (zobacz tablica new --help)";
        Created: "Created a new site in {dir}.", "Utworzono nową stronę w {dir}.";
        NextSteps: "Next steps:\n  1. Complete the accessibility statement in {settings} (the lines marked TODO).\n  2. Preview the site:  tablica serve --root {dir}\n  3. Build it for publishing:  tablica build --root {dir}",
            "Co dalej:\n  1. Uzupełnij deklarację dostępności w {settings} (wiersze oznaczone TODO).\n  2. Obejrzyj stronę:  tablica serve --root {dir}\n  3. Zbuduj ją do publikacji:  tablica build --root {dir}";
        ExampleAddress: "The site's address is still an example: change `base_url` in {settings} before publishing.",
            "Adres strony to wciąż przykład: zmień `base_url` w {settings} przed publikacją.";
        HelpEdit: "Edit the site in the browser (Redakcja), with a live preview", "Edytuj stronę w przeglądarce (Redakcja), z podglądem na żywo";
        HelpEditLong: "Starts the live preview with the editor at /redakcja/ and prints its address. It listens on 127.0.0.1; --bind opens it to the network and then requires a login (a one-time link printed here, or the password from TABLICA_EDIT_PASSWORD).",
            "Uruchamia podgląd na żywo z redakcją pod /redakcja/ i wypisuje jej adres. Nasłuchuje na 127.0.0.1; --bind otwiera ją w sieci i wtedy wymaga logowania (jednorazowy link wypisany tutaj albo hasło ze zmiennej TABLICA_EDIT_PASSWORD).";
        HelpEditLogin: "require a login on this computer too (a shared office PC)", "wymagaj logowania także na tym komputerze (wspólny komputer w biurze)";
        HelpEditBind: "the address to listen on (127.0.0.1; another needs a login)", "adres, na którym nasłuchiwać (127.0.0.1; inny wymaga logowania)";
    }
}
