-- mdnet's language server in Neovim, with the built-in LSP client (the README's setup;
-- tests/lsp/test_neovim.py runs it headless). Neovim 0.8 and later have vim.lsp.start;
-- 0.7 starts the client and attaches it by hand.

local function vault_of(file)
  -- the vault as mdnet finds it: the nearest folder upward with .mdnet.toml, else .obsidian/
  local folder = vim.fn.fnamemodify(file, ":p:h")
  local config = vim.fn.findfile(".mdnet.toml", folder .. ";")
  if config ~= "" then
    return vim.fn.fnamemodify(config, ":p:h")
  end
  local obsidian = vim.fn.finddir(".obsidian", folder .. ";")
  if obsidian ~= "" then
    return vim.fn.fnamemodify(vim.fn.fnamemodify(obsidian, ":p"):gsub("/$", ""), ":h")
  end
  return folder
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = "markdown",
  callback = function(args)
    local config = {
      name = "mdnet",
      cmd = { "mdnet", "lsp" },
      root_dir = vault_of(vim.api.nvim_buf_get_name(args.buf)),
    }
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      local client = vim.lsp.start_client(config)
      if client then
        vim.lsp.buf_attach_client(args.buf, client)
      end
    end
  end,
})
