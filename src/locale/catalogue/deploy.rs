//! Messages of `tablica deploy`: its errors and their hints, the warning about plain FTP,
//! the progress bar's phases, the `--dry-run` list and the summaries.

catalogue! {
    /// What `tablica deploy` says.
    Deploy {
        NoTargets: "{file} has no `deploy:` section, so tablica does not know where to send the site",
            "{file} nie ma sekcji `deploy:`, więc tablica nie wie, dokąd wysłać stronę";
        NoTargetsHint: "add a target, e.g.\n    deploy:\n      serwer:\n        type: sftp\n        host: serwer.gmina.pl\n        user: mops\n        path: /var/www/mops\n  (docs/deploy.md describes every kind)",
            "dodaj miejsce publikacji, np.\n    deploy:\n      serwer:\n        type: sftp\n        host: serwer.gmina.pl\n        user: mops\n        path: /var/www/mops\n  (docs/deploy.md opisuje wszystkie rodzaje)";
        UnknownTarget: "site.yaml has no deploy target `{name}`", "site.yaml nie ma miejsca publikacji `{name}`";
        UnknownTargetHint: "the targets are: {known}", "miejsca publikacji to: {known}";
        ChooseTarget: "site.yaml has several deploy targets; say which one", "site.yaml ma kilka miejsc publikacji; wskaż jedno z nich";
        ChooseTargetHint: "tablica deploy {known}", "wpisz: tablica deploy {known}";
        Or: "{first} (or) {rest}", "{first} (albo) {rest}";
        NotBuilt: "{output} is not a complete build of the site", "{output} nie zawiera w całości zbudowanej strony";
        NotBuiltHint: "run `tablica build` first (deploy sends only what a build wrote)",
            "najpierw uruchom `tablica build` (deploy wysyła tylko to, co zapisało budowanie)";
        PreviewBuild: "{output} holds a preview build (drafts, scheduled texts, hidden from search engines), and `{target}` publishes the site",
            "{output} zawiera wersję podglądową (szkice, teksty zaplanowane, ukryta przed wyszukiwarkami), a `{target}` to miejsce publikacji strony";
        PreviewBuildHint: "run `tablica deploy {target}` without `--no-build`: it builds the site and sends it; or build it first with `tablica build`",
            "uruchom `tablica deploy {target}` bez `--no-build`: zbuduje stronę i ją wyśle; albo najpierw zbuduj ją poleceniem `tablica build`";
        NotPreviewBuild: "{output} holds the site itself, not a preview build, and `{target}` is for previews (`preview: true`)",
            "{output} zawiera samą stronę, nie wersję podglądową, a `{target}` służy do podglądu (`preview: true`)";
        NotPreviewBuildHint: "run `tablica deploy {target}` without `--no-build`: it builds the preview and sends it; or build it first with `tablica build --preview`",
            "uruchom `tablica deploy {target}` bez `--no-build`: zbuduje podgląd i go wyśle; albo najpierw zbuduj go poleceniem `tablica build --preview`";
        ReadOutput: "cannot read {path} of the built site: {error}", "nie można odczytać {path} ze zbudowanej strony: {error}";
        ReadOutputHint: "build again with `tablica build --force`, then deploy",
            "zbuduj stronę ponownie poleceniem `tablica build --force`, a potem ją opublikuj";
        ReadLocal: "deploy target `{target}`: cannot read {path}: {error}", "miejsce publikacji `{target}`: nie można odczytać {path}: {error}";
        ReadLocalHint: "check the file name in site.yaml (relative names start in the site folder)",
            "sprawdź nazwę pliku w site.yaml (ścieżki względne zaczynają się w folderze strony)";
        SecretsReadable: "{file} can be read by other users of this computer (permissions {mode}), so tablica will not use its passwords",
            "plik {file} mogą czytać inni użytkownicy tego komputera (uprawnienia {mode}), więc tablica nie użyje zapisanych w nim haseł";
        SecretsReadableHint: "make it private with:  chmod 600 {file}", "ogranicz dostęp do niego poleceniem:  chmod 600 {file}";
        SecretsInvalid: "{file} is not valid: {detail}", "plik {file} jest niepoprawny: {detail}";
        SecretsInvalidHint: "write one section per target, e.g.\n    serwer:\n      password: \"…\"",
            "zapisz po jednej sekcji dla każdego miejsca publikacji, np.\n    serwer:\n      password: \"…\"";
        MissingSecret: "deploy target `{target}` needs a password, and none is set",
            "miejsce publikacji `{target}` wymaga hasła, a żadne nie zostało podane";
        MissingSecretHint: "set the environment variable {variable}, or write it in {file} as\n    {target}:\n      password: \"…\"\n  (or give a key file with `key:` in site.yaml)",
            "ustaw zmienną środowiskową {variable} albo wpisz hasło w {file} jako\n    {target}:\n      password: \"…\"\n  (albo wskaż plik klucza przez `key:` w site.yaml)";
        Unreachable: "deploy target `{target}`: cannot connect to {address}: {detail}",
            "miejsce publikacji `{target}`: nie można połączyć się z {address}: {detail}";
        UnreachableHint: "check `host` and `port` in site.yaml and this computer's internet connection; the hosting company can tell whether the server is up",
            "sprawdź `host` i `port` w site.yaml oraz połączenie tego komputera z internetem; firma hostingowa powie, czy serwer działa";
        NoAddress: "the name has no address", "ta nazwa nie ma adresu";
        Handshake: "deploy target `{target}`: the server answered, but a secure connection could not be set up: {detail}",
            "miejsce publikacji `{target}`: serwer odpowiedział, ale nie udało się nawiązać bezpiecznego połączenia: {detail}";
        HandshakeHint: "check that `type` and `port` in site.yaml match the service the hosting company gave you (SFTP is usually port 22, FTPS port 21)",
            "sprawdź, czy `type` i `port` w site.yaml zgadzają się z usługą podaną przez firmę hostingową (SFTP to zwykle port 22, FTPS port 21)";
        HostKeyUnknown: "deploy target `{target}`: tablica does not know the key of the server {host}, so it cannot tell that it is the real one\n  its key is: {fingerprint}",
            "miejsce publikacji `{target}`: tablica nie zna klucza serwera {host}, więc nie może sprawdzić, czy to właściwy serwer\n  jego klucz to: {fingerprint}";
        HostKeyUnknownHint: "ask the hosting company (or whoever runs the server) for the key's SHA256 fingerprint; if it is the same, add to the target in site.yaml:\n    host_key: {fingerprint}",
            "poproś firmę hostingową (albo administratora serwera) o odcisk SHA256 klucza; jeśli jest taki sam, dopisz do miejsca publikacji w site.yaml:\n    host_key: {fingerprint}";
        HostKeyChanged: "deploy target `{target}`: the server's key is not the one in site.yaml (expected {expected}, the server has {found}); nothing was sent",
            "miejsce publikacji `{target}`: klucz serwera jest inny niż w site.yaml (oczekiwany {expected}, serwer ma {found}); niczego nie wysłano";
        HostKeyChangedHint: "someone may be pretending to be the server. Ask the hosting company whether the key was changed; only if they confirm {found}, put it in `host_key:`",
            "ktoś może podszywać się pod serwer. Zapytaj firmę hostingową, czy klucz został zmieniony; dopiero gdy potwierdzi {found}, wpisz go w `host_key:`";
        Auth: "deploy target `{target}`: the server refused to log in user `{user}`: {detail}",
            "miejsce publikacji `{target}`: serwer odmówił zalogowania użytkownika `{user}`: {detail}";
        AuthHint: "check `user` in site.yaml and the password (or the key file and its passphrase)",
            "sprawdź `user` w site.yaml i hasło (albo plik klucza i jego hasło)";
        Remote: "deploy target `{target}`: {doing} {path}: {detail}", "miejsce publikacji `{target}`: {doing} {path}: {detail}";
        CannotRead: "cannot read", "nie można odczytać";
        CannotWrite: "cannot write", "nie można zapisać";
        CannotDelete: "cannot delete", "nie można usunąć";
        CannotPublish: "cannot publish", "nie można opublikować";
        RemoteHint: "{hint}\n  The site on the server is still whole: pages already sent link only to files sent before them, and a rerun sends the rest.",
            "{hint}\n  Strona na serwerze pozostaje spójna: wysłane już strony odsyłają tylko do plików wysłanych przed nimi, a ponowne uruchomienie wyśle resztę.";
        PermissionDeniedHint: "the account may not write in that folder: check `path` in site.yaml, or ask the hosting company to give the user write access to it",
            "to konto nie może zapisywać w tym folderze: sprawdź `path` w site.yaml albo poproś firmę hostingową o prawo zapisu dla tego użytkownika";
        DiskFullHint: "the server's disk or quota is full: delete old files there or ask the hosting company for more space, then deploy again",
            "dysk serwera albo przydział miejsca jest pełny: usuń tam stare pliki albo poproś firmę hostingową o więcej miejsca, a potem opublikuj ponownie";
        NotFoundHint: "check `path` in site.yaml: the folder must exist on the server or be creatable",
            "sprawdź `path` w site.yaml: folder musi istnieć na serwerze albo dać się utworzyć";
        ConnectionHint: "the connection broke: run `tablica deploy` again, it continues where it stopped",
            "połączenie zostało przerwane: uruchom `tablica deploy` ponownie, a wysyłanie będzie kontynuowane od miejsca przerwania";
        OtherHint: "run `tablica deploy` again; if it fails the same way, show this message to the hosting company",
            "uruchom `tablica deploy` ponownie; jeśli błąd się powtórzy, pokaż ten komunikat firmie hostingowej";
        FolderMissing: "the folder does not exist (is the drive connected?)", "folder nie istnieje (czy dysk jest podłączony?)";
        ServerFailure: "the server refused (on OpenSSH servers this is also how a full disk shows)",
            "serwer odmówił (na serwerach OpenSSH tak objawia się także pełny dysk)";
        BadManifest: "deploy target `{target}`: its list of deployed files ({manifest}) is damaged: {detail}",
            "miejsce publikacji `{target}`: jego lista opublikowanych plików ({manifest}) jest uszkodzona: {detail}";
        BadManifestHint: "delete that file on the target and deploy again: every file will be sent anew",
            "usuń ten plik w miejscu publikacji i opublikuj stronę ponownie: wszystkie pliki zostaną wysłane od nowa";
        ManifestTooLarge: "it is larger than {max} bytes", "ma więcej niż {max} bajtów";
        ManifestBadPath: "it lists the path `{path}`", "zawiera ścieżkę `{path}`";
        ManifestBadHash: "the hash of `{path}` is not a BLAKE3 hash", "skrót pliku `{path}` nie jest skrótem BLAKE3";
        GitMissing: "deploy target `{target}` needs the `git` program, which is not installed",
            "miejsce publikacji `{target}` wymaga programu `git`, który nie jest zainstalowany";
        GitMissingHint: "install Git (https://git-scm.com/) and try again", "zainstaluj Git (https://git-scm.com/) i spróbuj ponownie";
        Git: "deploy target `{target}`: `{command}` failed:\n{output}", "miejsce publikacji `{target}`: polecenie `{command}` nie powiodło się:\n{output}";
        GitHint: "check `repository` and `branch` in site.yaml, and that this computer may push to the repository (try `git push` there yourself)",
            "sprawdź `repository` i `branch` w site.yaml oraz czy ten komputer może wysyłać zmiany do repozytorium (spróbuj sam wykonać tam `git push`)";

        InsecureFtp: "deploy target `{target}` uses plain FTP (`insecure: true`): the password and every file travel unencrypted; use FTPS or SFTP if the server offers it",
            "miejsce publikacji `{target}` używa zwykłego FTP (`insecure: true`): hasło i wszystkie pliki są przesyłane bez szyfrowania; użyj FTPS albo SFTP, jeśli serwer je obsługuje";
        PhaseAssets: "photos and files", "zdjęcia i pliki";
        PhasePages: "pages", "strony";
        PhaseLists: "lists and feeds", "listy i kanały";
        CommitMessage: "tablica deploy: {sent|file|files} sent, {deleted} deleted",
            "tablica deploy: wysłano {sent|plik|pliki|plików}, usunięto {deleted}";
        New: "new", "nowy";
        Changed: "changed", "zmieniony";
        Delete: "delete", "do usunięcia";
        DryRun: "dry run: {sent|file|files} would be sent ({size}), {deleted} deleted, {unchanged} unchanged; nothing was changed on `{target}`",
            "próbne uruchomienie: wysłano by {sent|plik|pliki|plików} ({size}), usunięto by {deleted}, bez zmian pozostałoby {unchanged}; w miejscu publikacji `{target}` niczego nie zmieniono";
        Deployed: "deployed to `{target}`: {sent|file|files} sent ({size}), {deleted} deleted, {unchanged} unchanged, in {seconds} s",
            "opublikowano w `{target}`: wysłano {sent|plik|pliki|plików} ({size}), usunięto {deleted}, bez zmian {unchanged}, czas: {seconds} s";
        UpToDate: "up to date: `{target}` already has this site ({files|file|files})",
            "aktualne: w `{target}` jest już ta wersja strony ({files|plik|pliki|plików})";
    }
}
